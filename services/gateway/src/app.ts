import { type Auth, installAuth } from '@cinesync/kit/auth';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from 'undici';
import { registerDocs } from './openapi-docs.js';
import { registerProxy } from './proxy.js';
import { installRateLimit } from './rate-limit.js';
import { registerSecurity } from './security.js';
import { registerUpstreamHealth } from './upstream-health.js';
import type { Upstream } from './upstreams.js';
import { registerWeb } from './web.js';

export interface GatewayDeps {
  logger: FastifyBaseLogger;
  version?: string;
  /** The routing table joined with the configured URLs (see resolveUpstreams). */
  upstreams: readonly Upstream[];
  /** Keep-alive pool used for every upstream call (see createUpstreamClient). */
  dispatcher: Dispatcher;
  limiter: Limiter;
  auth: Auth;
  /** Peers whose X-Forwarded-For is believed; empty → the socket address is the client. */
  trustedProxies?: readonly string[];
  /** Browser origins allowed cross-origin; empty → same origin only. */
  corsOrigins?: readonly string[];
  bodyLimit?: number;
  webDist?: string | undefined;
  /** How long the merged OpenAPI document is reused. */
  openApiTtlMs?: number;
}

/** Probes and scrapes: never rate limited. */
const OPS_ROUTES = new Set(['/healthz', '/readyz', '/readyz/upstreams', '/metrics']);

/**
 * The gateway without listening. Hooks run in this order on every request: request id and
 * metrics (kit), CORS (answers preflights), security headers, rate limit, token check; then the
 * route: a proxied service, the docs, or the web app.
 */
export async function buildApp(deps: GatewayDeps): Promise<Server> {
  const version = deps.version ?? '0.1.0';
  const trustedProxies = deps.trustedProxies ?? [];
  const server = await createServer({
    service: 'gateway',
    version,
    logger: deps.logger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false,
    openapi: {
      title: 'gateway',
      description: 'The gateway itself; the API is at /api/openapi.json.',
    },
  });
  await registerSecurity(server, { corsOrigins: deps.corsOrigins ?? [] });
  installRateLimit(server, deps.limiter, OPS_ROUTES);
  installAuth(server, deps.auth);
  await registerProxy(server, {
    upstreams: deps.upstreams,
    dispatcher: deps.dispatcher,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
  });
  await registerDocs(server, {
    upstreams: deps.upstreams,
    dispatcher: deps.dispatcher,
    version,
    ttlMs: deps.openApiTtlMs,
  });
  registerUpstreamHealth(server, { upstreams: deps.upstreams, dispatcher: deps.dispatcher });
  await registerWeb(server, { webDist: deps.webDist, logger: deps.logger });
  return server;
}

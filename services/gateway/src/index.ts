import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { gatewayAuth } from './auth.js';
import { gatewaySchema } from './config.js';
import { createUpstreamClient } from './upstream-client.js';
import { resolveUpstreams } from './upstreams.js';

export { buildApp, type GatewayDeps } from './app.js';
export { gatewayAuth } from './auth.js';
export { gatewaySchema } from './config.js';
export { ROUTES, type ServiceName } from './routes-table.js';
export { createUpstreamClient, type UpstreamClient } from './upstream-client.js';
export { resolveUpstreams, type Upstream } from './upstreams.js';

/** The public entry point (port 8080): routes /api/v1/* to the owning services. */
export const service = defineService({
  name: 'gateway',
  defaultPort: 8080,
  config: gatewaySchema,
  async build(context) {
    const { config } = context;
    const upstreams = resolveUpstreams(config);
    const missing = upstreams.filter((upstream) => upstream.url === undefined);
    if (missing.length > 0) {
      context.logger.info(
        { services: missing.map((upstream) => upstream.service) },
        'no URL configured: these services answer 503 service_not_deployed',
      );
    }
    const client = createUpstreamClient({
      timeoutMs: config.UPSTREAM_TIMEOUT,
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT,
    });
    context.onClose('upstream-client', () => client.close());
    const limiter = await context.limiter({
      prefix: 'ip',
      capacity: config.RATE_LIMIT_CAPACITY,
      refillPerSec: config.RATE_LIMIT_REFILL_PER_SEC,
    });
    const identity = upstreams.find((upstream) => upstream.service === 'identity')?.url;
    return buildApp({
      logger: context.logger,
      version: context.version,
      upstreams,
      dispatcher: client.dispatcher,
      limiter,
      auth: gatewayAuth({
        jwksUrl: config.JWKS_URL ?? (identity && `${identity}/.well-known/jwks.json`),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
      trustedProxies: config.TRUSTED_PROXIES,
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
      webDist: config.WEB_DIST,
    });
  },
});

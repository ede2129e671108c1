import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Bus } from '@cinesync/kit/bus';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { Logger } from '@cinesync/kit/log';
import type { TrustProxy } from './config.js';
import { createIngestor } from './ingest/ingest.js';
import type { IngestLimits } from './ingest/validate.js';
import { createAnalyticsQueries } from './queries/analytics-queries.js';
import type { AnalyticsRepository } from './repository/index.js';
import { registerIngestRoutes } from './routes/ingest.js';
import { registerQueryRoutes } from './routes/queries.js';

export interface AppDeps {
  logger: Logger;
  bus: Bus;
  repository: AnalyticsRepository;
  auth: Auth;
  /** Per client IP, one token per ingest request. */
  limiter: Limiter;
  limits: IngestLimits & { maxBodyBytes: number };
  trustProxy?: TrustProxy;
  version?: string;
  now?: () => Date;
  /** Bus subject for accepted events; default the contract's (tests on shared JetStream differ). */
  subject?: string;
}

/** The HTTP side of the service; the ETL consumer is started next to it (index.ts). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const server = await createServer({
    service: 'analytics',
    version: deps.version,
    logger: deps.logger,
    bodyLimit: deps.limits.maxBodyBytes,
    trustProxy: deps.trustProxy ?? false,
    openapi: {
      title: 'CineSync analytics',
      description: 'Clickstream ingest (guests welcome) and admin reports over ClickHouse.',
    },
    ready: {
      bus: () => deps.bus.ping(),
      store: () => deps.repository.ping(),
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  registerIngestRoutes(server, {
    ingestor: createIngestor({
      bus: deps.bus,
      limits: deps.limits,
      logger: deps.logger,
      now: deps.now,
      subject: deps.subject,
    }),
    limiter: deps.limiter,
    limits: deps.limits,
  });
  registerQueryRoutes(server, createAnalyticsQueries(deps.repository, deps.now));
  return server;
}

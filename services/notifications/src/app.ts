import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createServer, type ReadyCheck, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { LiveFeed } from './live.js';
import { feedRoutes } from './routes/feed.js';
import { preferenceRoutes } from './routes/preferences.js';
import { streamRoutes } from './routes/stream.js';

export interface AppDeps {
  db: Db;
  auth: Auth;
  live: LiveFeed;
  logger: Logger;
  /** Comment line interval on idle live streams. Default 15 s. */
  heartbeatMs?: number;
  version?: string;
  /** Extra /readyz checks besides the database (the bus). */
  ready?: Record<string, ReadyCheck>;
}

/** The notifications HTTP API, not listening: startService listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const server = await createServer({
    service: 'notifications',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping(), ...deps.ready },
    openapi: {
      title: 'notifications',
      description:
        'In-app notifications (feed, read state, live stream) and e-mail preferences. E-mails and notifications come from identity, orders and support events.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  feedRoutes(server, deps);
  preferenceRoutes(server, deps);
  streamRoutes(server, { ...deps, heartbeatMs: deps.heartbeatMs ?? 15_000 });
  return server;
}

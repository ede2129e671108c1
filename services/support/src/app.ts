import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createServer, type ReadyCheck, type Server } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { Logger } from '@cinesync/kit/log';
import type { SupportConfig } from './config.js';
import { ticketRoutes } from './routes/tickets.js';
import { Tickets } from './tickets.js';

export interface AppDeps {
  db: Db;
  auth: Auth;
  logger: Logger;
  config: Pick<SupportConfig, 'SUPPORT_MAX_MESSAGES'>;
  /** Per-user budget for tickets and messages (SUPPORT_WRITE_BURST / SUPPORT_WRITES_PER_HOUR). */
  writes: Limiter;
  /** Called after a transaction that wrote outbox rows committed (the relay's notify). */
  published?: () => void;
  clock?: () => Date;
  version?: string;
  /** Extra /readyz checks besides the database. */
  ready?: Record<string, ReadyCheck>;
}

/** The support HTTP API, not listening: startService listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const server = await createServer({
    service: 'support',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping(), ...deps.ready },
    openapi: {
      title: 'support',
      description:
        'Support tickets: users open them and talk to agents; agents assign and resolve.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  const tickets = new Tickets({
    db: deps.db,
    published: deps.published ?? (() => {}),
    maxMessages: deps.config.SUPPORT_MAX_MESSAGES,
    clock: deps.clock,
  });
  ticketRoutes(server, { tickets, writes: deps.writes });
  return server;
}

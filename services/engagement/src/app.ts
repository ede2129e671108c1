import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createServer, type ReadyCheck, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { CatalogClient } from './catalog-client.js';
import { bookmarkRoutes } from './routes/bookmarks.js';
import { commentRoutes } from './routes/comments.js';
import { ratingRoutes } from './routes/ratings.js';
import { reviewRoutes } from './routes/reviews.js';

export interface AppDeps {
  db: Db;
  catalog: CatalogClient;
  auth: Auth;
  logger: Logger;
  /** Called after a transaction that wrote outbox rows committed (the relay's notify). */
  published?: () => void;
  version?: string;
  /** Extra /readyz checks besides the database. */
  ready?: Record<string, ReadyCheck>;
}

/** The engagement HTTP API, not listening: startService listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const server = await createServer({
    service: 'engagement',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping(), ...deps.ready },
    openapi: {
      title: 'engagement',
      description: 'Ratings and film stats, reviews with votes and comments, bookmarks.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  const writer = { db: deps.db, published: deps.published ?? (() => {}) };
  bookmarkRoutes(server, { ...writer, catalog: deps.catalog });
  ratingRoutes(server, writer);
  reviewRoutes(server, writer);
  commentRoutes(server, writer);
  return server;
}

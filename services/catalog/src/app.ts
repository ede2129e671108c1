import { type Auth, installAuth } from '@cinesync/kit/auth';
import { createServer, type ReadyCheck, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import type { Catalog } from './catalog.js';
import { filmRoutes } from './routes/films.js';
import { genreRoutes } from './routes/genres.js';
import { internalRoutes } from './routes/internal.js';
import { personRoutes } from './routes/persons.js';

export interface AppDeps {
  catalog: Catalog;
  auth: Auth;
  logger: Logger;
  version?: string;
  /** /readyz checks, by name (the database at least). */
  ready?: Record<string, ReadyCheck>;
}

/** The catalog HTTP API, not listening: startService listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const server = await createServer({
    service: 'catalog',
    version: deps.version,
    logger: deps.logger,
    ready: deps.ready,
    openapi: {
      title: 'catalog',
      description:
        'Films, people and genres: search with typo tolerance, TMDB import, admin edits.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  filmRoutes(server, deps.catalog);
  personRoutes(server, deps.catalog);
  genreRoutes(server, deps.catalog);
  internalRoutes(server, deps.catalog);
  return server;
}

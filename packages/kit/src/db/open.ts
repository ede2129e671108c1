import type { Extensions } from '@electric-sql/pglite';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export interface OpenDbOptions {
  /** Postgres URL (DATABASE_URL). Unset → embedded PGlite. */
  url?: string;
  /** Where PGlite keeps its files; in memory when unset. Ignored with `url`. */
  dataDir?: string;
  /** Pool size on Postgres; default 10. */
  poolMax?: number;
  /** application_name on Postgres, so pg_stat_activity shows which service holds a connection. */
  name?: string;
  onError?: (err: Error) => void;
  /**
   * PGlite only: contrib extensions to load, e.g. `{ pg_trgm }` from
   * `@electric-sql/pglite/contrib/pg_trgm`. PGlite can load them only when it starts; on Postgres
   * the migrations' CREATE EXTENSION does the same.
   */
  pgliteExtensions?: Extensions;
}

/** Opens Postgres when a URL is given, else PGlite; fails fast when Postgres cannot be reached. */
export function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.url) {
    return openPostgres({
      url: options.url,
      poolMax: options.poolMax,
      name: options.name,
      onError: options.onError,
    });
  }
  return openPglite({ dataDir: options.dataDir, extensions: options.pgliteExtensions });
}

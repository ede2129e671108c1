import { type Db, type MigrationSet, migrate } from '@cinesync/kit/db';
import { outboxMigrations } from '@cinesync/kit/outbox';
import type { ServiceContext } from '@cinesync/kit/service';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** Applies the kit's outbox tables and the catalog's own migrations, as `ctx.database` does. */
export async function migrateCatalog(db: Db, sets: readonly MigrationSet[] = []): Promise<void> {
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations, ...sets] });
}

/** Loaded into embedded PGlite at start; on Postgres the migrations create it. */
export const pgliteExtensions = { pg_trgm };

/** Whether typo-tolerant search can run: pg_trgm may be missing on a database we did not open. */
export async function hasTrigram(db: Db): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
  return rows.length > 0;
}

/**
 * The catalog's database through the kit: Postgres when DATABASE_URL is set (pg_trgm created by
 * the migrations), else PGlite under DATA_DIR/catalog/db with pg_trgm loaded.
 */
export function openCatalogDb(ctx: Pick<ServiceContext<object>, 'database'>): Promise<Db> {
  return ctx.database({ migrations: MIGRATIONS, pgliteExtensions });
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Db,
  type MigrationSet,
  migrate,
  type QueryResult,
  type Row,
  type Tx,
} from '@cinesync/kit/db';
import { outboxMigrations } from '@cinesync/kit/outbox';
import type { ServiceContext } from '@cinesync/kit/service';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** Applies the kit's outbox tables and the catalog's own migrations, as `ctx.database` does. */
export async function migrateCatalog(db: Db, sets: readonly MigrationSet[] = []): Promise<void> {
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations, ...sets] });
}

// Same result types as the kit's PGlite adapter: exact numbers (int8, numeric) and calendar
// values stay strings, so both engines return identical rows.
const asText = (value: string): string => value;
const parsers: Record<number, (value: string) => unknown> = {
  20: asText, // int8
  1700: asText, // numeric
  1082: asText, // date
  1186: asText, // interval
};

function toResult<R extends Row>(result: Results<R>): QueryResult<R> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? 0 };
}

function txHandle(tx: Transaction): Tx {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      return toResult(await tx.query<R>(sql, [...params]));
    },
    async exec(script: string) {
      await tx.exec(script);
    },
  };
}

/**
 * PGlite with pg_trgm loaded. The kit's `openDb` creates PGlite without extensions, and an
 * extension can only be added when the instance is created, so the catalog opens its own
 * embedded database behind the kit's `Db` interface. One connection: inside `transaction(fn)`
 * use only the `tx` handle.
 */
export async function openPgliteWithTrigram(dataDir?: string): Promise<Db> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers, extensions: { pg_trgm } });
  return {
    engine: 'pglite',
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      return toResult(await pglite.query<R>(sql, [...params]));
    },
    async exec(script: string) {
      await pglite.exec(script);
    },
    transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return pglite.transaction((tx) => fn(txHandle(tx)));
    },
    async ping() {
      await pglite.query('SELECT 1');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Whether typo-tolerant search can run: pg_trgm may be missing on a database we did not open. */
export async function hasTrigram(db: Db): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
  return rows.length > 0;
}

type DbContext = Pick<ServiceContext<object>, 'config' | 'dataDir' | 'database' | 'onClose'>;

/**
 * The catalog's database: Postgres through the kit when DATABASE_URL is set (pg_trgm is created
 * by the migrations), else PGlite with pg_trgm under DATA_DIR/catalog/db, where the kit's
 * `ctx.database` would put it, migrated the same way.
 */
export async function openCatalogDb(ctx: DbContext): Promise<Db> {
  if (ctx.config.DATABASE_URL) return ctx.database({ migrations: MIGRATIONS });
  const db = await openPgliteWithTrigram(join(ctx.dataDir, 'db'));
  ctx.onClose('database', () => db.close());
  await migrateCatalog(db);
  return db;
}

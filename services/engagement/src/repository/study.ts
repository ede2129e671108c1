import type { Queryable } from '@cinesync/kit/db';

/** Bulk loading and measuring for the storage study (the seeder and the benches), not the API. */

export const ENGAGEMENT_TABLES = [
  'ratings',
  'film_stats',
  'bookmarks',
  'reviews',
  'review_votes',
  'review_comments',
] as const;

export async function hasAnyRows(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ratings) OR EXISTS (SELECT 1 FROM bookmarks)
       OR EXISTS (SELECT 1 FROM reviews) AS any`,
  );
  return rows[0]?.any === true;
}

/** Empties every engagement table (and the outbox) in one statement. */
export async function truncateAll(db: Queryable): Promise<void> {
  await db.query(`TRUNCATE ${ENGAGEMENT_TABLES.join(', ')}, outbox`);
}

export type DeferredDefinition = {
  table: string;
  name: string;
  /** `p` primary key, `u` unique, `f` foreign key, `i` plain index. */
  kind: 'p' | 'u' | 'f' | 'i';
  /** What re-creates it: a constraint definition, or a CREATE INDEX statement. */
  definition: string;
};

/**
 * Keys, foreign keys and indexes of the tables, in the order they must be created again (keys
 * before the foreign keys that need them, plain indexes last). A bulk load drops them and builds
 * each once at the end: one sort per index, and one join per foreign key, instead of a b-tree
 * insertion and a lookup per row. CHECK and NOT NULL constraints stay and are checked per row.
 */
export async function deferrableDefinitions(
  db: Queryable,
  tables: readonly string[],
): Promise<DeferredDefinition[]> {
  const constraints = await db.query<DeferredDefinition>(
    `SELECT t.relname AS table, c.conname AS name, c.contype AS kind,
       pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND c.contype IN ('p', 'u', 'f')
     ORDER BY CASE c.contype WHEN 'f' THEN 1 ELSE 0 END, t.relname, c.conname`,
    [tables],
  );
  const indexes = await db.query<DeferredDefinition>(
    `SELECT t.relname AS table, ic.relname AS name, 'i' AS kind,
       pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY t.relname, ic.relname`,
    [tables],
  );
  return [...constraints.rows, ...indexes.rows];
}

/** Drops what deferrableDefinitions listed, foreign keys first. */
export async function dropDeferred(db: Queryable, items: readonly DeferredDefinition[]) {
  for (const item of items.toReversed()) {
    await db.query(
      item.kind === 'i'
        ? `DROP INDEX ${quoteIdent(item.name)}`
        : `ALTER TABLE ${quoteIdent(item.table)} DROP CONSTRAINT ${quoteIdent(item.name)}`,
    );
  }
}

export async function createDeferred(db: Queryable, item: DeferredDefinition): Promise<void> {
  await db.query(
    item.kind === 'i'
      ? item.definition
      : `ALTER TABLE ${quoteIdent(item.table)} ADD CONSTRAINT ${quoteIdent(item.name)} ${item.definition}`,
  );
}

/** Builds every film's stats row from the ratings in one pass (only into an empty film_stats). */
export async function rebuildFilmStats(db: Queryable): Promise<number> {
  const buckets = Array.from({ length: 10 }, (_, i) => `r${i + 1}`);
  const counts = buckets.map((_, i) => `count(*) FILTER (WHERE value = ${i + 1})`);
  const { rowCount } = await db.query(
    `INSERT INTO film_stats (film_id, ratings_count, ratings_sum, ${buckets.join(', ')})
     SELECT film_id, count(*), sum(value), ${counts.join(', ')} FROM ratings GROUP BY film_id`,
  );
  return rowCount;
}

/**
 * Statistics for the planner and the visibility map for index-only scans after the bulk load
 * (autovacuum may be off, as on this project's machines, or simply not have run yet).
 */
export async function analyze(db: Queryable): Promise<void> {
  await db.query(`VACUUM (ANALYZE) ${ENGAGEMENT_TABLES.join(', ')}`);
}

export interface TableSize {
  table: string;
  rows: number;
  tableBytes: number;
  indexBytes: number;
  totalBytes: number;
}

/** Row estimates from the planner's statistics (run analyze first), sizes from the catalog. */
export async function tableSizes(db: Queryable): Promise<TableSize[]> {
  const { rows } = await db.query<{
    table: string;
    rows: string;
    table_bytes: string;
    index_bytes: string;
    total_bytes: string;
  }>(
    `SELECT c.relname AS table, greatest(c.reltuples, 0)::bigint AS rows,
       pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes,
       pg_total_relation_size(c.oid) AS total_bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[])
     ORDER BY pg_total_relation_size(c.oid) DESC`,
    [ENGAGEMENT_TABLES],
  );
  return rows.map((row) => ({
    table: row.table,
    rows: Number(row.rows),
    tableBytes: Number(row.table_bytes),
    indexBytes: Number(row.index_bytes),
    totalBytes: Number(row.total_bytes),
  }));
}

export async function indexSizes(db: Queryable): Promise<{ index: string; bytes: number }[]> {
  const { rows } = await db.query<{ index: string; bytes: string }>(
    `SELECT ic.relname AS index, pg_relation_size(ic.oid) AS bytes
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
     ORDER BY pg_relation_size(ic.oid) DESC`,
    [ENGAGEMENT_TABLES],
  );
  return rows.map((row) => ({ index: row.index, bytes: Number(row.bytes) }));
}

export async function databaseSize(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ bytes: string }>(
    'SELECT pg_database_size(current_database()) AS bytes',
  );
  return Number(rows[0]?.bytes ?? 0);
}

export async function serverVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>('SELECT version()');
  return rows[0]?.version ?? 'unknown';
}

/** Random ids that have rows, for benches to pick from: a cheap block sample, else a full scan. */
export async function sampleIds(
  db: Queryable,
  what: 'ratedFilms' | 'bookmarkUsers' | 'reviewedFilms' | 'raters',
  limit: number,
): Promise<string[]> {
  const source = {
    ratedFilms: ['film_id', 'film_stats'],
    bookmarkUsers: ['user_id', 'bookmarks'],
    reviewedFilms: ['film_id', 'reviews'],
    raters: ['user_id', 'ratings'],
  }[what];
  const [column, table] = source;
  const sampled = await db.query<{ id: string }>(
    `SELECT DISTINCT ${column} AS id FROM ${table} TABLESAMPLE SYSTEM (1) LIMIT $1`,
    [limit],
  );
  if (sampled.rows.length >= limit) return sampled.rows.map((row) => row.id);
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM (SELECT DISTINCT ${column} AS id FROM ${table}) ids ORDER BY random() LIMIT $1`,
    [limit],
  );
  return rows.map((row) => row.id);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

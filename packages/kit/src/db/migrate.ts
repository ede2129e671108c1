import {
  MigrationError,
  type MigrationSet,
  type PlannedMigration,
  planSet,
  readMigrationDir,
  scopeOf,
} from './migration-sources.js';
import type { Db, Tx } from './types.js';

export interface MigrateOptions {
  /** The service's folder of numbered plain-SQL files. */
  dir?: string | URL;
  /** Migrations shipped in code, e.g. the outbox's; applied before the folder's files. */
  sets?: readonly MigrationSet[];
  /** Where applied migrations are recorded; default `schema_migrations`. */
  table?: string;
}

const identifier = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

interface AppliedRow extends Record<string, unknown> {
  name: string;
  checksum: string;
}

/**
 * Every replica may run this at start. Each step takes a transaction-scoped advisory lock, which
 * works through pgbouncer in transaction mode (a session lock would not), so a second replica
 * waits, then finds the work done.
 */
async function lock(tx: Tx, table: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cinesync.migrate:${table}`]);
}

/** Refuses to start when an applied migration was edited or removed: the schema would drift. */
function verify(plan: PlannedMigration[], applied: AppliedRow[], scopes: Set<string>): void {
  const planned = new Map(plan.map((migration) => [migration.name, migration]));
  const problems: string[] = [];
  for (const row of applied) {
    if (!scopes.has(scopeOf(row.name))) continue;
    const migration = planned.get(row.name);
    if (!migration) problems.push(`${row.name} was applied but is missing`);
    else if (migration.checksum !== row.checksum) {
      problems.push(`${row.name} was edited after it was applied (checksum differs)`);
    }
  }
  if (problems.length > 0) {
    throw new MigrationError(`refusing to migrate: ${problems.join('; ')}`);
  }
}

/**
 * Applies pending migrations in order, each in its own transaction, and returns the names it
 * applied. A migration file must not contain BEGIN/COMMIT or statements that cannot run inside a
 * transaction (CREATE INDEX CONCURRENTLY).
 */
export async function migrate(db: Db, options: MigrateOptions): Promise<string[]> {
  const table = options.table ?? 'schema_migrations';
  if (!identifier.test(table)) throw new MigrationError(`bad migrations table name ${table}`);

  const plan: PlannedMigration[] = (options.sets ?? []).flatMap(planSet);
  const scopes = new Set(plan.map((migration) => migration.scope));
  if (options.dir !== undefined) {
    plan.push(...(await readMigrationDir(options.dir)));
    scopes.add('');
  }

  // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog, hence the lock.
  await db.transaction(async (tx) => {
    await lock(tx, table);
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied = await db.query<AppliedRow>(`SELECT name, checksum FROM ${table}`);
  verify(plan, applied.rows, scopes);

  const done = new Set(applied.rows.map((row) => row.name));
  const newlyApplied: string[] = [];
  for (const migration of plan.filter((m) => !done.has(m.name))) {
    const didApply = await db.transaction(async (tx) => {
      await lock(tx, table);
      // Another replica may have applied it while this one waited for the lock.
      const again = await tx.query(`SELECT 1 FROM ${table} WHERE name = $1`, [migration.name]);
      if (again.rowCount > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new MigrationError(`migration ${migration.name} failed: ${reason}`, { cause: err });
      }
      await tx.query(`INSERT INTO ${table} (name, checksum) VALUES ($1, $2)`, [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) newlyApplied.push(migration.name);
  }
  return newlyApplied;
}

import type { AuthUser } from '@cinesync/kit/auth';
import { type Db, migrate } from '@cinesync/kit/db';
import { outboxMigrations } from '@cinesync/kit/outbox';
import { dbEngines, pgbouncerEngine, type TestDbEngine } from '@cinesync/kit/testing';
import type { OrderLine } from '../src/orders.js';
import { seedStocks } from '../src/seed.js';

export const migrations = new URL('../migrations/', import.meta.url);

/** Embedded databases are slow to open on a busy machine (WASM start plus migrations). */
export const SETUP_TIMEOUT_MS = 120_000;

/** The kit's engines plus Postgres behind pgbouncer in transaction pooling, as production runs it. */
export function ordersEngines(
  env: Record<string, string | undefined> = process.env,
): TestDbEngine[] {
  return [...dbEngines(env), pgbouncerEngine(env)];
}

/** A fresh orders database on the engine, migrated (outbox included) and stocked. */
export async function openOrdersDb(engine: TestDbEngine): Promise<Db> {
  const db = await engine.open();
  await migrate(db, { dir: migrations, sets: [outboxMigrations] });
  await seedStocks(db);
  return db;
}

export const alice: AuthUser = { id: '0190a3c4-0000-7000-8000-00000000a11c', role: 'user' };
export const bob: AuthUser = { id: '0190a3c4-0000-7000-8000-000000000b0b', role: 'user' };
export const admin: AuthUser = { id: '0190a3c4-0000-7000-8000-0000000ad317', role: 'admin' };

export function line(sku: number, count: number, amount = 1000): OrderLine {
  return { sku, count, name: `Item ${sku}`, price: { amount, currency: 'USD' } };
}

/** A clock tests move by hand. */
export function manualClock(start = new Date('2030-01-01T10:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

export async function stockOf(db: Db, sku: number) {
  const { rows } = await db.query<{ total: string; reserved: string }>(
    'SELECT total, reserved FROM stocks WHERE sku = $1',
    [sku],
  );
  const row = rows[0];
  if (!row) throw new Error(`no stock row for ${sku}`);
  return { total: Number(row.total), reserved: Number(row.reserved) };
}

export async function statusCounts(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM orders GROUP BY status',
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

import pg from 'pg';
import { TransactionAbortedError } from './errors.js';
import { pgTypes } from './parsers.js';
import type { Db, QueryResult, Row, Tx } from './types.js';

export interface PostgresOptions {
  url: string;
  poolMax?: number;
  /** Shown as application_name in pg_stat_activity. */
  name?: string;
  /** Errors of idle pooled connections (server restart, network); the pool drops the client. */
  onError?: (err: Error) => void;
}

type Client = pg.Pool | pg.PoolClient;

async function run<R extends Row>(
  client: Client,
  sql: string,
  params: readonly unknown[],
): Promise<QueryResult<R>> {
  const result = await client.query<R>(sql, [...params]);
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

/**
 * A `pg` Pool, normally behind pgbouncer in transaction mode: nothing here relies on session state
 * outside a transaction, and a transaction keeps one pooled client from BEGIN to COMMIT.
 */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.name,
    types: pgTypes,
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener an idle client's error would crash the process.
  pool.on('error', (err) => options.onError?.(err));

  async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let open = true;
    const ensureOpen = () => {
      if (!open) throw new Error('Transaction is closed');
    };
    const tx: Tx = {
      async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
        ensureOpen();
        return run<R>(client, sql, params);
      },
      async exec(script: string) {
        ensureOpen();
        await client.query(script);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      open = false;
      const commit = await client.query('COMMIT');
      // Postgres answers COMMIT of a failed transaction with ROLLBACK, not an error.
      if (commit.command === 'ROLLBACK') throw new TransactionAbortedError();
      client.release();
      return result;
    } catch (err) {
      open = false;
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackErr) {
        // The connection is unusable; destroy it instead of handing it to the next caller.
        client.release(rollbackErr instanceof Error ? rollbackErr : true);
      }
      throw err;
    }
  }

  const db: Db = {
    engine: 'postgres',
    query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      return run<R>(pool, sql, params);
    },
    async exec(script: string) {
      await pool.query(script);
    },
    transaction,
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
  try {
    await db.ping();
  } catch (err) {
    await pool.end();
    throw err;
  }
  return db;
}

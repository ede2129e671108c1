import { mkdir } from 'node:fs/promises';
import { type Extensions, PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { pgliteParsers } from './parsers.js';
import type { Db, QueryResult, Row, Tx } from './types.js';

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
 * Embedded Postgres in WebAssembly: one connection, so statements and transactions run one at a
 * time. Inside `transaction(fn)` use only the `tx` handle: a call on the Db itself would wait for
 * the transaction that is waiting for it.
 */
export async function openPglite(options: {
  dataDir?: string;
  extensions?: Extensions;
}): Promise<Db> {
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, {
    parsers: pgliteParsers,
    extensions: options.extensions,
  });
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

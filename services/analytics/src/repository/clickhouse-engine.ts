import { type ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { SqlEngine } from './engine.js';

export interface ClickHouseEngineOptions {
  url: string;
  username?: string;
  password?: string;
  requestTimeoutMs?: number;
}

/**
 * A ClickHouse server over HTTP with @clickhouse/client. It works down to Debian's 18.16 server
 * as long as nothing uses `query_params` (server-side binding arrived in 19.x): the repository
 * renders its few literals itself, from validated values (see sql.ts).
 */
export function openClickHouseEngine(options: ClickHouseEngineOptions): SqlEngine {
  const client: ClickHouseClient = createClient({
    url: options.url,
    username: options.username,
    password: options.password,
    request_timeout: options.requestTimeoutMs ?? 30_000,
    application: 'cinesync-analytics',
    // Errors reach the caller as exceptions; the client's own error log would say it twice.
    log: { level: ClickHouseLogLevel.OFF },
  });
  return {
    name: 'clickhouse',
    async command(sql) {
      await client.command({ query: sql });
    },
    async select<T extends object>(sql: string) {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      return result.json<T>();
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      // The array, not a stream of rows: streaming spread the serialization out but cost a
      // quarter more CPU per event and did not lower p99 (docs/bench/ingest.md).
      await client.insert({ table, values: [...rows], format: 'JSONEachRow' });
    },
    async ping() {
      // A query rather than /ping, so that credentials and the database are checked as well.
      await client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((r) => r.json());
    },
    async close() {
      await client.close();
    },
  };
}

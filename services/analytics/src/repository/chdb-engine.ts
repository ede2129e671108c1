import { mkdirSync } from 'node:fs';
import { Session } from 'chdb';
import { jsonEachRowBytes, parseJsonEachRow, type SqlEngine } from './engine.js';

/**
 * Embedded ClickHouse (chDB) with its data in `path`, kept across restarts. chDB allows one data
 * directory per process, so a second service instance in the same process must use the same
 * path or close the first one.
 */
export function openChdbEngine(path: string): SqlEngine {
  mkdirSync(path, { recursive: true });
  const session = new Session(path);
  return {
    name: 'chdb',
    async command(sql) {
      await session.queryAsync(sql);
    },
    async select<T extends object>(sql: string) {
      const result = await session.queryAsync(sql, { format: 'JSONEachRow' });
      return parseJsonEachRow<T>(result.text());
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      await session.insert({ table, values: await jsonEachRowBytes(rows), format: 'JSONEachRow' });
    },
    async ping() {
      if (!session.open) throw new Error('the chDB session is closed');
      await session.queryAsync('SELECT 1');
    },
    async close() {
      session.close();
    },
  };
}

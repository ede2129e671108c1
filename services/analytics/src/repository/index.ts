import { join } from 'node:path';
import { openChdbEngine } from './chdb-engine.js';
import { openClickHouseEngine } from './clickhouse-engine.js';
import type { SqlEngine } from './engine.js';
import { createRepository } from './repository.js';
import type { AnalyticsRepository } from './types.js';

export { createRepository } from './repository.js';
export type * from './types.js';

export interface OpenRepositoryOptions {
  /** CLICKHOUSE_URL: set → that server; unset → chDB under `dataDir/chdb`. */
  url?: string;
  dataDir: string;
  database: string;
  username?: string;
  password?: string;
  requestTimeoutMs?: number;
}

/** Picks the engine from configuration and makes sure the schema exists. */
export async function openRepository(options: OpenRepositoryOptions): Promise<AnalyticsRepository> {
  const engine: SqlEngine = options.url
    ? openClickHouseEngine({
        url: options.url,
        username: options.username,
        password: options.password,
        requestTimeoutMs: options.requestTimeoutMs,
      })
    : openChdbEngine(join(options.dataDir, 'chdb'));
  try {
    return await createRepository(engine, options.database);
  } catch (error) {
    await engine.close();
    throw error;
  }
}

import { randomBytes } from 'node:crypto';
import { openDb } from '../db/index.js';

export interface TestDatabase {
  /** DATABASE_URL with the throwaway database's name in place of the original one. */
  url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = await openDb({ url: serverUrl, poolMax: 1, name: 'cinesync-tests' });
  try {
    await admin.query(sql);
  } finally {
    await admin.close();
  }
}

/** A fresh, empty database on the server of `serverUrl`, so suites never see each other's rows. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `cinesync_t_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a failed test left open, so the drop cannot hang.
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

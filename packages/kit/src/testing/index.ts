import { ConnectError } from '@connectrpc/connect';
import { type Db, type DbEngine, type OpenDbOptions, openDb } from '../db/index.js';
import { createTestDatabase } from './database.js';

export { createTestDatabase, type TestDatabase } from './database.js';
export {
  type Caller,
  startIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
  type TokenClaims,
} from './issuer.js';

export interface TestDbEngine {
  name: DbEngine;
  /** Set when the engine cannot run here; pass it to `describe.skipIf`. */
  skipReason?: string;
  /** `name`, plus the skip reason when there is one: a ready-made suite title. */
  title: string;
  /** A new, empty database; its close() also deletes it. */
  open(): Promise<Db>;
}

/**
 * The engines every integration suite runs on: PGlite always, Postgres when DATABASE_URL is set.
 *
 *   for (const engine of dbEngines()) {
 *     describe.skipIf(engine.skipReason)(engine.title, () => { ... });
 *   }
 */
export function dbEngines(
  env: Record<string, string | undefined> = process.env,
  options: Pick<OpenDbOptions, 'pgliteExtensions'> = {},
): TestDbEngine[] {
  const serverUrl = env.DATABASE_URL;
  return [
    {
      name: 'pglite',
      title: 'pglite',
      open: () => openDb({ pgliteExtensions: options.pgliteExtensions }),
    },
    {
      name: 'postgres',
      skipReason: serverUrl ? undefined : 'skipped unless DATABASE_URL is set',
      title: serverUrl ? 'postgres' : 'postgres (skipped unless DATABASE_URL is set)',
      open: () => openServerDatabase(serverUrl),
    },
  ];
}

/**
 * Postgres behind pgbouncer in transaction pooling, as production runs it: each transaction may
 * get another server connection, so anything relying on session state (session advisory locks,
 * SET, prepared statements) breaks here first. The database is created on DATABASE_URL's server
 * and used through PGBOUNCER_URL's host, port and credentials.
 */
export function pgbouncerEngine(
  env: Record<string, string | undefined> = process.env,
): TestDbEngine {
  const serverUrl = env.DATABASE_URL;
  const bouncerUrl = env.PGBOUNCER_URL;
  const skipReason =
    serverUrl && bouncerUrl ? undefined : 'skipped unless DATABASE_URL and PGBOUNCER_URL are set';
  return {
    name: 'postgres',
    skipReason,
    title: skipReason ? `postgres via pgbouncer (${skipReason})` : 'postgres via pgbouncer',
    open: () =>
      openServerDatabase(serverUrl, (url) => {
        if (!bouncerUrl) throw new Error('PGBOUNCER_URL is not set');
        const bouncer = new URL(bouncerUrl);
        url.host = bouncer.host;
        if (bouncer.username) url.username = bouncer.username;
        if (bouncer.password) url.password = bouncer.password;
        return url;
      }),
  };
}

/** A new database on the server at `serverUrl`, reached as `connect` says; dropped on close. */
async function openServerDatabase(
  serverUrl: string | undefined,
  connect: (url: URL) => URL = (url) => url,
): Promise<Db> {
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const database = await createTestDatabase(serverUrl);
  try {
    const db = await openDb({ url: connect(new URL(database.url)).toString(), poolMax: 5 });
    return {
      ...db,
      async close() {
        await db.close();
        await database.drop();
      },
    };
  } catch (err) {
    await database.drop();
    throw err;
  }
}

/** The error an RPC call failed with, as a ConnectError (code, message, metadata); throws if it succeeded. */
export async function rpcFailure(promise: Promise<unknown>): Promise<ConnectError> {
  try {
    await promise;
  } catch (error) {
    return ConnectError.from(error);
  }
  throw new Error('expected the call to fail');
}

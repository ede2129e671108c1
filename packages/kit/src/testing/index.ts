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
      async open() {
        if (!serverUrl) throw new Error('DATABASE_URL is not set');
        const database = await createTestDatabase(serverUrl);
        try {
          const db = await openDb({ url: database.url, poolMax: 5 });
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
      },
    },
  ];
}

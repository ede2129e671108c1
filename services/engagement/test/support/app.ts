import { randomUUID } from 'node:crypto';
import { createAuth } from '@cinesync/kit/auth';
import { type Db, migrate, type Row } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import { outboxMigrations } from '@cinesync/kit/outbox';
import type { TestDbEngine } from '@cinesync/kit/testing';
import { buildApp } from '../../src/app.js';
import { createCatalogClient } from '../../src/catalog-client.js';
import { AUDIENCE, ISSUER, startIssuer, type TestIssuer, type TokenClaims } from './auth.js';
import { type FakeCatalog, startFakeCatalog } from './catalog.js';

export const MIGRATIONS = new URL('../../migrations/', import.meta.url);

export interface TestApp {
  app: Server;
  db: Db;
  catalog: FakeCatalog;
  issuer: TestIssuer;
  /** Times the app said it committed outbox rows. */
  published: { count: number };
  /** A signed-in user with a fresh id, and the headers to act as them. */
  user(claims?: Partial<TokenClaims>): Promise<{ id: string; headers: { authorization: string } }>;
  outbox<R extends Row>(subject: string): Promise<R[]>;
  close(): Promise<void>;
}

/** The app on a fresh database of `engine`, with a local JWKS and a fake catalog. */
export async function openApp(
  engine: TestDbEngine,
  options: { breakerFailures?: number; breakerResetMs?: number; timeoutMs?: number } = {},
): Promise<TestApp> {
  const db = await engine.open();
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
  const issuer = await startIssuer();
  const catalog = await startFakeCatalog();
  const client = createCatalogClient({
    baseUrl: catalog.url,
    timeoutMs: options.timeoutMs ?? 2_000,
    breakerFailures: options.breakerFailures ?? 3,
    breakerResetMs: options.breakerResetMs ?? 60_000,
  });
  const published = { count: 0 };
  const app = await buildApp({
    db,
    catalog: client,
    auth: createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE }),
    logger: createLogger({ service: 'engagement-test', level: 'silent' }),
    published: () => {
      published.count += 1;
    },
  });
  return {
    app,
    db,
    catalog,
    issuer,
    published,
    async user(claims = {}) {
      const id = claims.sub ?? randomUUID();
      const token = await issuer.sign({ ...claims, sub: id });
      return { id, headers: { authorization: `Bearer ${token}` } };
    },
    async outbox<R extends Row>(subject: string) {
      const { rows } = await db.query<{ payload: R }>(
        'SELECT payload FROM outbox WHERE subject = $1 ORDER BY seq',
        [subject],
      );
      return rows.map((row) => row.payload);
    },
    async close() {
      await app.close();
      await client.close();
      await catalog.close();
      await issuer.close();
      await db.close();
    },
  };
}

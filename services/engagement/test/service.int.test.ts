import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvent, ratingChanged } from '@cinesync/contracts';
import { createMemoryBus, type Delivery } from '@cinesync/kit/bus';
import { startService } from '@cinesync/kit/service';
import { createTestDatabase, type TestDatabase } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { startIssuer, type TestIssuer } from './support/auth.js';
import { type FakeCatalog, startFakeCatalog } from './support/catalog.js';

const serverUrl = process.env.DATABASE_URL;
const engines = [
  { name: 'pglite', skip: undefined },
  {
    name: 'postgres',
    skip: serverUrl ? undefined : 'postgres (skipped unless DATABASE_URL is set)',
  },
] as const;

for (const engine of engines) {
  describe.skipIf(engine.skip)(
    `the engagement service started as in production on ${engine.name}`,
    () => {
      let issuer: TestIssuer;
      let catalog: FakeCatalog;
      let dataDir: string;
      let database: TestDatabase | undefined;
      const bus = createMemoryBus();
      const delivered: Delivery[] = [];
      let started: Awaited<ReturnType<typeof startService>>;

      beforeAll(async () => {
        issuer = await startIssuer();
        catalog = await startFakeCatalog();
        dataDir = await mkdtemp(join(tmpdir(), 'engagement-'));
        if (engine.name === 'postgres' && serverUrl) database = await createTestDatabase(serverUrl);
        bus.subscribe({ durable: 'test', subjects: ['engagement.>'] }, async (message) => {
          delivered.push(message);
        });
        started = await startService(service, {
          env: {
            JWKS_URL: issuer.jwksUrl,
            CATALOG_URL: catalog.url,
            DATA_DIR: dataDir,
            DATABASE_URL: database?.url,
            LOG_LEVEL: 'silent',
          },
          shared: { bus },
          host: '127.0.0.1',
          port: 0,
        });
      });
      afterAll(async () => {
        await started?.close();
        await bus.close();
        await database?.drop();
        await catalog?.close();
        await issuer?.close();
        await rm(dataDir, { recursive: true, force: true });
      });

      it('is ready, documents its API, and relays a rating change to the bus', async () => {
        expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
        const openapi = (await (await fetch(`${started.url}/openapi.json`)).json()) as {
          paths: Record<string, unknown>;
        };
        expect(Object.keys(openapi.paths)).toEqual(
          expect.arrayContaining([
            '/api/v1/bookmarks',
            '/api/v1/bookmarks/{filmId}',
            '/api/v1/ratings',
            '/api/v1/ratings/{filmId}',
            '/api/v1/films/{filmId}/stats',
            '/api/v1/reviews',
            '/api/v1/reviews/{id}',
            '/api/v1/reviews/{id}/vote',
            '/api/v1/films/{filmId}/reviews',
            '/api/v1/reviews/{id}/comments',
          ]),
        );

        const userId = randomUUID();
        const filmId = randomUUID();
        const token = await issuer.sign({ sub: userId });
        const response = await fetch(`${started.url}/api/v1/ratings`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ filmId, value: 7 }),
        });
        expect(response.status).toBe(201);
        await expect.poll(() => delivered.length, { timeout: 5_000 }).toBe(1);
        const [message] = delivered;
        expect(message?.subject).toBe(ratingChanged.subject);
        expect(message?.key).toBe(filmId);
        expect(parseEvent(ratingChanged, message?.payload)).toMatchObject({
          filmId,
          userId,
          value: 7,
          average: 7,
          count: 1,
        });
      });
    },
  );
}

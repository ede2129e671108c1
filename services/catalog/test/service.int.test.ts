import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@cinesync/kit/log';
import { startService } from '@cinesync/kit/service';
import { createTestDatabase, type TestDatabase } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoFilms } from '../src/demo/demo-films.js';
import { service } from '../src/index.js';

const serverUrl = process.env.DATABASE_URL;
const engines = [
  { title: 'embedded (PGlite under DATA_DIR)', skip: undefined },
  {
    title: serverUrl ? 'postgres' : 'postgres (skipped unless DATABASE_URL is set)',
    skip: serverUrl ? undefined : 'no DATABASE_URL',
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(
    `the catalog service, started as the launcher does, ${engine.title}`,
    () => {
      let dataDir: string;
      let database: TestDatabase | undefined;
      const lines: Record<string, unknown>[] = [];
      const logger = createLogger({
        service: 'catalog',
        level: 'info',
        destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
      });

      beforeAll(async () => {
        dataDir = await mkdtemp(join(tmpdir(), 'catalog-service-'));
        if (engine.skip === undefined && serverUrl && engine.title === 'postgres') {
          database = await createTestDatabase(serverUrl);
        }
      });
      afterAll(async () => {
        await database?.drop();
        await rm(dataDir, { recursive: true, force: true });
      });

      const start = () =>
        startService(service, {
          env: { DATA_DIR: dataDir, DATABASE_URL: database?.url, LOG_LEVEL: 'info' },
          port: 0,
          host: '127.0.0.1',
          logger,
        });

      // Two starts of a real embedded database on disk: slow on a busy machine, hence the budget.
      it('loads the demo catalog on first start only, and serves it', {
        timeout: 180_000,
      }, async () => {
        const demo = await readDemoFilms();
        const first = await start();
        try {
          const ready = await fetch(`${first.url}/readyz`);
          expect(ready.status).toBe(200);
          const films = (await (await fetch(`${first.url}/api/v1/films?pageSize=1`)).json()) as {
            total: number;
          };
          expect(films.total).toBe(demo.length);
          const loaded = lines.find((line) => line.msg === 'demo catalog loaded');
          expect(loaded).toMatchObject({ films: demo.length, ms: expect.any(Number) });

          const spec = (await (await fetch(`${first.url}/openapi.json`)).json()) as {
            paths: Record<string, unknown>;
          };
          expect(Object.keys(spec.paths)).toEqual(
            expect.arrayContaining([
              '/api/v1/films',
              '/api/v1/films/{id}',
              '/api/v1/films/import',
              '/api/v1/persons',
              '/api/v1/persons/{id}',
              '/api/v1/genres',
              '/internal/v1/films/{id}',
              '/internal/v1/films/lookup',
            ]),
          );
          // No JWKS_URL here: a token cannot be checked, which is the service's problem (503).
          const write = await fetch(`${first.url}/api/v1/films`, {
            method: 'POST',
            headers: { authorization: 'Bearer x.y.z', 'content-type': 'application/json' },
            body: JSON.stringify({ title: 'Nope' }),
          });
          expect(write.status).toBe(503);
        } finally {
          await first.close();
        }

        lines.length = 0;
        const second = await start();
        try {
          const films = (await (await fetch(`${second.url}/api/v1/films?pageSize=1`)).json()) as {
            total: number;
          };
          expect(films.total).toBe(demo.length);
          expect(lines.find((line) => line.msg === 'demo catalog loaded')).toBeUndefined();
        } finally {
          await second.close();
        }
      });
    },
  );
}

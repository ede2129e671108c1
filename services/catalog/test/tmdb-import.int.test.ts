import { openCache } from '@cinesync/kit/cache';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmdbClient } from '../src/tmdb/client.js';
import { startFakeTmdb } from './fake-tmdb.js';
import { buildTestApp, catalogEngines, openMigrated, startTestIdentity } from './helpers.js';

const API_KEY = 'fedcba9876543210fedcba9876543210';

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`TMDB import and search fallback on ${engine.title}`, () => {
    let db: Db;
    let app: Server;
    let bare: Server;
    let tmdb: TmdbClient;
    let fake: Awaited<ReturnType<typeof startFakeTmdb>>;
    let identity: Awaited<ReturnType<typeof startTestIdentity>>;
    const cache = openCache({ prefix: 'catalog:' });

    beforeAll(async () => {
      db = await openMigrated(engine);
      identity = await startTestIdentity();
      fake = await startFakeTmdb({ apiKey: API_KEY });
      tmdb = new TmdbClient({
        baseUrl: fake.url,
        apiKey: API_KEY,
        cache,
        cacheTtlMs: 60_000,
        timeoutMs: 5000,
        breakerFailures: 2,
      });
      ({ app } = await buildTestApp(db, identity.auth, {
        tmdb: { client: tmdb, imageBaseUrl: 'https://img.test/w500' },
      }));
      ({ app: bare } = await buildTestApp(db, identity.auth));
    });

    afterAll(async () => {
      await app?.close();
      await bare?.close();
      await tmdb?.close();
      await cache.close();
      await fake?.close();
      await identity?.close();
      await db?.close();
    });

    const importFilm = async (server: Server, tmdbId: number) =>
      server.inject({
        method: 'POST',
        url: '/api/v1/films/import',
        payload: { tmdbId },
        headers: await identity.bearer('admin'),
      });

    it('imports a film by TMDB id once, and stores it locally', async () => {
      const first = await importFilm(app, 603);
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        title: 'The Matrix',
        year: 1999,
        tmdbId: 603,
        imdbId: 'tt0133093',
        posterUrl: 'https://img.test/w500/matrix.jpg',
        directors: [{ name: 'Lana Wachowski' }, { name: 'Lilly Wachowski' }],
        cast: [{ name: 'Keanu Reeves', character: 'Neo' }, {}, {}],
      });
      const again = await importFilm(app, 603);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);

      const local = await app.inject({ url: '/api/v1/films', query: { query: 'matrix' } });
      expect(local.json().items).toEqual([
        expect.objectContaining({ source: 'local', id: first.json().id }),
      ]);
      const events = await db.query<{ subject: string }>('SELECT subject FROM outbox');
      expect(events.rows.map((row) => row.subject)).toEqual(['catalog.film.created']);
    });

    it('answers 404 for an id TMDB does not know', async () => {
      const response = await importFilm(app, 999_999);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('tmdb_film_not_found');
    });

    it('shows TMDB results, unsaved, when a plain query finds nothing locally', async () => {
      const response = await app.inject({ url: '/api/v1/films', query: { query: 'spirited' } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        total: 1,
        items: [{ source: 'tmdb', tmdbId: 129, title: 'Spirited Away', year: 2001 }],
      });
      const filtered = await app.inject({
        url: '/api/v1/films',
        query: { query: 'spirited', genre: 'animation' },
      });
      expect(filtered.json().total).toBe(0);
      const withoutTmdb = await bare.inject({ url: '/api/v1/films', query: { query: 'spirited' } });
      expect(withoutTmdb.json().total).toBe(0);
    });

    it('keeps search working while TMDB is down, and import fails fast once the circuit opens', async () => {
      fake.state.mode = 'fail';
      try {
        const search = await app.inject({ url: '/api/v1/films', query: { query: 'nosuchfilm' } });
        expect(search.statusCode).toBe(200);
        expect(search.json()).toMatchObject({ total: 0, items: [] });

        const failed = await importFilm(app, 129);
        expect(failed.statusCode).toBe(502);
        expect(failed.json().code).toBe('tmdb_failed');
        expect(tmdb.circuitState).toBe('open');
        const reached = fake.state.requests;
        const fast = await importFilm(app, 129);
        expect(fast.statusCode).toBe(503);
        expect(fast.headers['retry-after']).toBeDefined();
        expect(fake.state.requests).toBe(reached);
      } finally {
        fake.state.mode = 'ok';
      }
    });

    it('answers 503 for an import when TMDB is not configured', async () => {
      const response = await importFilm(bare, 603);
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('tmdb_not_configured');
    });
  });
}

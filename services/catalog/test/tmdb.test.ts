import { randomUUID } from 'node:crypto';
import { type Cache, openCache } from '@cinesync/kit/cache';
import { CircuitOpenError, TimeoutError } from '@cinesync/kit/resilience';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TmdbClient, TmdbError, TmdbNotFoundError } from '../src/tmdb/client.js';
import { filmFromTmdb } from '../src/tmdb/mapping.js';
import { startFakeTmdb } from './fake-tmdb.js';

const API_KEY = '0123456789abcdef0123456789abcdef';

const caches = [
  { name: 'memory cache', skip: undefined, url: undefined },
  {
    name: process.env.REDIS_URL ? 'redis cache' : 'redis cache (skipped unless REDIS_URL is set)',
    skip: process.env.REDIS_URL ? undefined : 'no REDIS_URL',
    url: process.env.REDIS_URL,
  },
];

for (const cacheEngine of caches) {
  describe.skipIf(cacheEngine.skip)(`TMDB client against a fake TMDB, ${cacheEngine.name}`, () => {
    let fake: Awaited<ReturnType<typeof startFakeTmdb>>;
    let clock = 0;
    const clients: TmdbClient[] = [];
    const openCaches: Cache[] = [];

    beforeAll(async () => {
      fake = await startFakeTmdb({ apiKey: API_KEY, slowMs: 1000 });
    });
    afterEach(async () => {
      fake.state.mode = 'ok';
      await Promise.all(clients.splice(0).map((client) => client.close()));
      await Promise.all(openCaches.splice(0).map((cache) => cache.close()));
    });
    afterAll(async () => {
      await fake?.close();
    });

    function client(options: { apiKey?: string; timeoutMs?: number } = {}) {
      // Each test gets its own key space through a fresh cache prefix.
      const cache = openCache({ url: cacheEngine.url, prefix: `test-catalog-${randomUUID()}:` });
      openCaches.push(cache);
      const created = new TmdbClient({
        baseUrl: fake.url,
        apiKey: options.apiKey ?? API_KEY,
        cache,
        cacheTtlMs: 60_000,
        timeoutMs: options.timeoutMs ?? 5000,
        breakerFailures: 3,
        breakerResetMs: 30_000,
        now: () => clock,
      });
      clients.push(created);
      return created;
    }

    it('reads a movie with credits and serves the second call from the cache', async () => {
      const tmdb = client();
      const before = fake.state.requests;
      const movie = await tmdb.movie(603);
      expect(fake.state.requests).toBe(before + 1);
      expect(filmFromTmdb(movie, 'https://img.test/w500/')).toEqual({
        title: 'The Matrix',
        originalTitle: 'The Matrix',
        year: 1999,
        runtime: 136,
        overview: expect.stringContaining('simulation'),
        genres: ['Action', 'Science Fiction'],
        countries: ['US'],
        posterUrl: 'https://img.test/w500/matrix.jpg',
        imdbId: 'tt0133093',
        tmdbId: 603,
        directors: ['Lana Wachowski', 'Lilly Wachowski'],
        writers: ['Lana Wachowski'],
        cast: [
          { name: 'Keanu Reeves', character: 'Neo' },
          { name: 'Carrie-Anne Moss', character: 'Trinity' },
          { name: 'Laurence Fishburne', character: 'Morpheus' },
        ],
      });
      expect(fake.state.paths.at(-1)).toBe('/3/movie/603');

      expect(await tmdb.movie(603)).toEqual(movie);
      expect(fake.state.requests).toBe(before + 1);

      const search = await tmdb.search('  MATRIX ');
      expect(search.results.map((hit) => hit.id)).toEqual([603]);
      await tmdb.search('matrix');
      expect(fake.state.requests).toBe(before + 2);
    });

    it('sends a v4 read token as a Bearer token', async () => {
      const tokenFake = await startFakeTmdb({ apiKey: 'header.payload.signature' });
      const tmdb = new TmdbClient({
        baseUrl: tokenFake.url,
        apiKey: 'header.payload.signature',
        cache: openCache({ prefix: 'bearer:' }),
        cacheTtlMs: 1000,
        timeoutMs: 1000,
      });
      try {
        expect((await tmdb.movie(129)).original_title).toBe('千と千尋の神隠し');
      } finally {
        await tmdb.close();
        await tokenFake.close();
      }
    });

    it('treats 404 as an answer: not cached, never opens the circuit', async () => {
      const tmdb = client();
      for (let i = 0; i < 5; i++) {
        await expect(tmdb.movie(999_999)).rejects.toBeInstanceOf(TmdbNotFoundError);
      }
      expect(tmdb.circuitState).toBe('closed');
    });

    it('opens after repeated failures, fails fast while open, then closes after a good probe', async () => {
      const tmdb = client();
      await tmdb.movie(603); // cached before the outage
      fake.state.mode = 'fail';
      for (let i = 0; i < 3; i++) {
        await expect(tmdb.movie(129)).rejects.toBeInstanceOf(TmdbError);
      }
      expect(tmdb.circuitState).toBe('open');

      const reached = fake.state.requests;
      await expect(tmdb.movie(129)).rejects.toBeInstanceOf(CircuitOpenError);
      await expect(tmdb.search('spirited')).rejects.toBeInstanceOf(CircuitOpenError);
      expect(fake.state.requests).toBe(reached);
      // A cache hit needs no upstream, open circuit or not.
      expect((await tmdb.movie(603)).title).toBe('The Matrix');

      // After the reset time one probe goes through; it fails, so the circuit opens again.
      clock += 30_000;
      expect(tmdb.circuitState).toBe('half-open');
      await expect(tmdb.movie(129)).rejects.toBeInstanceOf(TmdbError);
      expect(tmdb.circuitState).toBe('open');
      expect(fake.state.requests).toBe(reached + 1);

      // TMDB recovers: the next probe succeeds and closes the circuit.
      fake.state.mode = 'ok';
      clock += 30_000;
      expect((await tmdb.movie(129)).title).toBe('Spirited Away');
      expect(tmdb.circuitState).toBe('closed');
    });

    it('times out a slow TMDB and counts it as a failure', async () => {
      const tmdb = client({ timeoutMs: 150 });
      fake.state.mode = 'slow';
      for (let i = 0; i < 3; i++) {
        await expect(tmdb.search(`slow ${i}`)).rejects.toBeInstanceOf(TimeoutError);
      }
      expect(tmdb.circuitState).toBe('open');
    });

    it('does not blame TMDB for a bad key', async () => {
      const tmdb = client({ apiKey: 'wrong-key' });
      for (let i = 0; i < 4; i++) {
        await expect(tmdb.movie(603)).rejects.toMatchObject({ name: 'TmdbError', status: 401 });
      }
      expect(tmdb.circuitState).toBe('closed');
    });
  });
}

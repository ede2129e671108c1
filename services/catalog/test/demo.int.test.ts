import type { Db } from '@cinesync/kit/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoFilms } from '../src/demo/demo-films.js';
import { syntheticFilm, syntheticFilms } from '../src/demo/generate.js';
import { loadDemoIfEmpty } from '../src/demo/load-demo.js';
import { seedSyntheticFilms } from '../src/demo/seed.js';
import { countFilms } from '../src/repository/index.js';
import { catalogEngines, demoSubset, openMigrated } from './helpers.js';

describe('synthetic film generator', () => {
  it('gives the same films for the same seed, and film i whatever N is', () => {
    const first = syntheticFilms(42, 0, 50);
    expect(syntheticFilms(42, 0, 50)).toEqual(first);
    expect(syntheticFilms(42, 40, 60).slice(0, 10)).toEqual(first.slice(40));
    expect(syntheticFilm(42, 7)).toEqual(first[7]);
    expect(syntheticFilms(7, 0, 50).map((film) => film.id)).not.toEqual(
      first.map((film) => film.id),
    );
    expect(new Set(first.map((film) => film.id)).size).toBe(50);
    for (const film of first) {
      expect(film.title).not.toBe('');
      expect(film.genres.length).toBeGreaterThan(0);
      expect(film.directors).toHaveLength(1);
      expect(new Set(film.cast.map((member) => member.name)).size).toBe(film.cast.length);
    }
  });
});

describe('demo film file', () => {
  it('is valid and has at least 200 films with distinct ids', async () => {
    const films = await readDemoFilms();
    expect(films.length).toBeGreaterThanOrEqual(200);
    const keys = new Set(films.map((film) => `${film.title}|${film.year}`));
    expect(keys.size).toBe(films.length);
  });
});

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`demo loader and seeder on ${engine.title}`, () => {
    let db: Db;

    beforeAll(async () => {
      db = await openMigrated(engine);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('loads the demo films into an empty catalog once', async () => {
      const films = await demoSubset();
      expect(await loadDemoIfEmpty(db, films)).toBe(films.length);
      expect(await loadDemoIfEmpty(db, films)).toBe(0);
      // Not even other films: any film at all means the catalog is in use.
      expect(await loadDemoIfEmpty(db, await readDemoFilms())).toBe(0);
      expect(await countFilms(db)).toBe(films.length);
      // Stable ids: the same film gets the same id on every install.
      const { rows } = await db.query<{ id: string }>(
        "SELECT id FROM films WHERE title = 'The Godfather'",
      );
      expect(rows[0]?.id).toBe('ffa88be0-a9dc-5929-964d-f4e63b96d44b');
    });

    it('seeds synthetic films in batches, skipping those already there', async () => {
      const before = await countFilms(db);
      const progress: number[] = [];
      const first = await seedSyntheticFilms(db, {
        films: 120,
        seed: 42,
        batchSize: 50,
        onProgress: (done) => progress.push(done),
      });
      expect(first).toBe(120);
      expect(progress).toEqual([50, 100, 120]);
      const more = await seedSyntheticFilms(db, { films: 150, seed: 42, batchSize: 100 });
      expect(more).toBe(30);
      expect(await countFilms(db)).toBe(before + 150);
      const sample = syntheticFilm(42, 99);
      const { rows } = await db.query<{ title: string; people: number }>(
        `SELECT f.title, (SELECT count(*)::int FROM film_persons fp WHERE fp.film_id = f.id) AS people
         FROM films f WHERE f.id = $1`,
        [sample.id],
      );
      expect(rows[0]?.title).toBe(sample.title);
      expect(rows[0]?.people).toBe(
        sample.directors.length + sample.writers.length + sample.cast.length,
      );
    });
  });
}

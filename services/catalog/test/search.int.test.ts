import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  catalogEngines,
  loadSubset,
  openMigrated,
  SUBSET,
  startTestIdentity,
} from './helpers.js';

interface Item {
  source: string;
  id: string;
  title: string;
  year: number | null;
  genres: string[];
  directors: string[];
}
interface ListBody {
  items: Item[];
  correctedQuery?: string;
  total: number;
  page: number;
  pageSize: number;
}

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`film search on ${engine.title}`, () => {
    let db: Db;
    let app: Server;
    let identity: Awaited<ReturnType<typeof startTestIdentity>>;

    beforeAll(async () => {
      db = await openMigrated(engine);
      await loadSubset(db);
      identity = await startTestIdentity();
      ({ app } = await buildTestApp(db, identity.auth));
    });

    afterAll(async () => {
      await app?.close();
      await identity?.close();
      await db?.close();
    });

    async function list(query: Record<string, string | number>): Promise<ListBody> {
      const response = await app.inject({ url: '/api/v1/films', query: stringify(query) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    }
    const titles = (body: ListBody) => body.items.map((item) => item.title);

    it('puts the exact title first: The Godfather before The Godfather Part II', async () => {
      const body = await list({ query: 'The Godfather' });
      expect(titles(body).slice(0, 2)).toEqual(['The Godfather', 'The Godfather Part II']);
      const lower = await list({ query: 'the godfather part ii' });
      expect(titles(lower)[0]).toBe('The Godfather Part II');
    });

    it('ranks the closer title first when no title is exact', async () => {
      const body = await list({ query: 'godfather' });
      expect(titles(body).slice(0, 2)).toEqual(['The Godfather', 'The Godfather Part II']);
    });

    it('tolerates typos: "godfater" finds The Godfather', async () => {
      const body = await list({ query: 'godfater' });
      expect(titles(body)[0]).toBe('The Godfather');
      expect(titles(body)).toContain('The Godfather Part II');
    });

    it('tolerates a wrong letter per word, within a title of several words', async () => {
      expect(titles(await list({ query: 'taxi drvier' }))).toEqual(['Taxi Driver']);
      expect(titles(await list({ query: 'dune prat two' }))[0]).toBe('Dune: Part Two');
      expect(titles(await list({ query: 'blade runer' })).slice(0, 2)).toEqual([
        'Blade Runner',
        'Blade Runner 2049',
      ]);
    });

    it('says which spelling it searched for when the words as typed matched nothing', async () => {
      const corrected = await list({ query: 'Godfater' });
      expect(corrected.correctedQuery).toBe('godfather');
      const wrongName = await list({ query: 'sigourny weaver' });
      expect(wrongName.correctedQuery).toBe('sigourney weaver');
      // Words that match as typed are searched as typed.
      expect((await list({ query: 'The Godfather' })).correctedQuery).toBeUndefined();
      // Filters apply to the corrected search too.
      const filtered = await list({ query: 'godfater', yearFrom: 1974 });
      expect(titles(filtered)).toEqual(['The Godfather Part II']);
    });

    it('falls back to whole-title similarity when no word can be corrected', async () => {
      // Two words run together are no word of the dictionary, but share its letter triples.
      const body = await list({ query: 'bladerunner' });
      expect(titles(body).slice(0, 2)).toEqual(['Blade Runner', 'Blade Runner 2049']);
      expect(body.correctedQuery).toBeUndefined();
    });

    it('ignores accents and case', async () => {
      expect(titles(await list({ query: 'amelie' }))).toEqual(['Amélie']);
      expect(titles(await list({ query: 'AMÉLIE' }))).toEqual(['Amélie']);
      expect(titles(await list({ query: 'fabuleux destin d amelie' }))).toEqual(['Amélie']);
    });

    it('tolerates typos in people names', async () => {
      const body = await list({ query: 'sigourny weaver' });
      expect(titles(body).sort()).toEqual(['Alien', 'Aliens']);
    });

    it('searches people, characters, original titles and overviews', async () => {
      expect(titles(await list({ query: 'Kurosawa' })).sort()).toEqual([
        'Rashomon',
        'Seven Samurai',
        'Yojimbo',
      ]);
      expect(titles(await list({ query: 'Vito Corleone' }))).toContain('The Godfather');
      expect(titles(await list({ query: '七人の侍' }))).toEqual(['Seven Samurai']);
      expect(titles(await list({ query: 'Fabuleux Destin' }))).toEqual(['Amélie']);
    });

    it('filters by genre name or slug, year range and person', async () => {
      const scifi = await list({ genre: 'science-fiction', pageSize: 100 });
      expect(scifi.items.every((item) => item.genres.includes('Science Fiction'))).toBe(true);
      expect(titles(scifi)).toContain('Alien');
      expect((await list({ genre: 'Science Fiction', pageSize: 100 })).total).toBe(scifi.total);

      const seventies = await list({ yearFrom: 1970, yearTo: 1979, pageSize: 100 });
      expect(
        seventies.items.every((item) => (item.year ?? 0) >= 1970 && (item.year ?? 0) <= 1979),
      ).toBe(true);
      expect(titles(seventies)).toEqual(
        expect.arrayContaining(['The Godfather', 'Taxi Driver', 'Alien']),
      );

      const pacino = await list({ person: 'al pacino', sort: 'year' });
      expect(titles(pacino)).toEqual([
        'The Godfather',
        'The Godfather Part II',
        'Scarface',
        'Heat',
        'The Irishman',
      ]);

      const combined = await list({ person: 'Robert De Niro', yearFrom: 1990, genre: 'thriller' });
      expect(titles(combined)).toEqual(['Heat']);

      const withQuery = await list({ query: 'blade runner', yearFrom: 2000 });
      expect(titles(withQuery)).toEqual(['Blade Runner 2049']);
    });

    it('filters by a person id taken from the people search', async () => {
      const people = await app.inject({ url: '/api/v1/persons', query: { query: 'Villeneuve' } });
      const villeneuve = people.json().items[0];
      expect(villeneuve.name).toBe('Denis Villeneuve');
      const body = await list({ person: villeneuve.id, sort: '-year' });
      expect(titles(body)).toEqual(['Dune: Part Two', 'Dune', 'Blade Runner 2049']);
    });

    it('paginates with a stable order and the total over all pages', async () => {
      const all = await list({ pageSize: 100 });
      expect(all.total).toBe(SUBSET.length + 1); // two films are called Solaris
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const body = await list({ page, pageSize: 10 });
        expect(body).toMatchObject({ page, pageSize: 10, total: all.total });
        seen.push(...body.items.map((item) => item.id));
      }
      expect(seen).toEqual(all.items.map((item) => item.id));
      expect((await list({ page: 99, pageSize: 10 })).items).toEqual([]);

      // With a query the count rides on the page; past the last page it is counted apart.
      const searched = await list({ query: 'the', pageSize: 5 });
      expect(searched.total).toBeGreaterThan(5);
      const second = await list({ query: 'the', pageSize: 5, page: 2 });
      expect(second.total).toBe(searched.total);
      const beyond = await list({ query: 'the', pageSize: 5, page: 99 });
      expect(beyond).toMatchObject({ items: [], total: searched.total });
    });

    it('sorts by year, newest first, and by title', async () => {
      const newest = await list({ sort: '-year', pageSize: 2 });
      expect(titles(newest)).toEqual(['Dune: Part Two', 'Dune']);
      const oldest = await list({ sort: 'year', pageSize: 1 });
      expect(titles(oldest)).toEqual(['Rashomon']);
      const byTitle = await list({ pageSize: 3 });
      expect(titles(byTitle)).toEqual(['Alien', 'Aliens', 'Amélie']);
    });

    it('answers 400 naming the field for a bad filter', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ yearFrom: '2000', yearTo: '1990' }, '/query/yearFrom'],
        [{ pageSize: '0' }, '/query/pageSize'],
        [{ pageSize: '101' }, '/query/pageSize'],
        [{ page: '0' }, '/query/page'],
        [{ yearFrom: 'soon' }, '/query/yearFrom'],
        [{ minRating: '11' }, '/query/minRating'],
        [{ sort: 'popularity' }, '/query/sort'],
        [{ query: 'he\u0000at' }, '/query/query'],
      ];
      for (const [query, field] of cases) {
        const response = await app.inject({ url: '/api/v1/films', query });
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const fields = response.json().errors.map((error: { field: string }) => error.field);
        expect(fields, JSON.stringify(query)).toContain(field);
      }
    });
  });
}

function stringify(query: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}

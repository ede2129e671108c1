import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  catalogEngines,
  loadSubset,
  openMigrated,
  startTestIdentity,
} from './helpers.js';

interface PersonItem {
  id: string;
  name: string;
  filmCount: number;
}

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`people and genres on ${engine.title}`, () => {
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

    async function persons(query: string): Promise<PersonItem[]> {
      const response = await app.inject({ url: '/api/v1/persons', query: { query } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items;
    }

    it('finds people by name prefix, word prefix and typo', async () => {
      expect((await persons('al pac'))[0]?.name).toBe('Al Pacino');
      expect((await persons('pacino'))[0]?.name).toBe('Al Pacino');
      expect((await persons('pacinno'))[0]?.name).toBe('Al Pacino');
      expect((await persons('machiko kyo'))[0]?.name).toBe('Machiko Kyō');
      const roberts = await persons('robert');
      expect(roberts.map((person) => person.name)).toEqual(
        expect.arrayContaining(['Robert De Niro', 'Robert Duvall']),
      );
      // More films first among equally good matches.
      expect(roberts[0]).toMatchObject({ name: 'Robert De Niro', filmCount: 6 });
    });

    it('shows a filmography with roles and characters, newest first', async () => {
      const [pacino] = await persons('Al Pacino');
      const response = await app.inject({ url: `/api/v1/persons/${pacino?.id}` });
      expect(response.statusCode).toBe(200);
      const person = response.json();
      expect(person.name).toBe('Al Pacino');
      expect(person.filmography.map((credit: { title: string }) => credit.title)).toEqual([
        'The Irishman',
        'Heat',
        'Scarface',
        'The Godfather Part II',
        'The Godfather',
      ]);
      expect(person.filmography.at(-1)).toMatchObject({
        role: 'actor',
        character: 'Michael Corleone',
        year: 1972,
      });
    });

    it('lists a director-writer once per role', async () => {
      const [kurosawa] = await persons('Akira Kurosawa');
      const person = (await app.inject({ url: `/api/v1/persons/${kurosawa?.id}` })).json();
      const rashomon = person.filmography.filter(
        (credit: { title: string }) => credit.title === 'Rashomon',
      );
      expect(rashomon.map((credit: { role: string }) => credit.role)).toEqual([
        'director',
        'writer',
      ]);
    });

    it('shows a film with its genres and people by role', async () => {
      const search = await app.inject({ url: '/api/v1/films', query: { query: 'The Godfather' } });
      const id = search.json().items[0].id;
      const response = await app.inject({ url: `/api/v1/films/${id}` });
      expect(response.statusCode).toBe(200);
      const film = response.json();
      expect(film).toMatchObject({
        title: 'The Godfather',
        year: 1972,
        runtime: 175,
        countries: ['US'],
        rating: { average: null, count: 0 },
      });
      expect(film.genres.map((genre: { slug: string }) => genre.slug)).toEqual(['crime', 'drama']);
      expect(film.directors.map((person: { name: string }) => person.name)).toEqual([
        'Francis Ford Coppola',
      ]);
      expect(film.cast[0]).toMatchObject({ name: 'Marlon Brando', character: 'Vito Corleone' });
      expect(film.cast[1]).toMatchObject({ name: 'Al Pacino', character: 'Michael Corleone' });
    });

    it('lists genres with film counts', async () => {
      const response = await app.inject({ url: '/api/v1/genres' });
      expect(response.statusCode).toBe(200);
      const genres = response.json().items;
      expect(
        genres.find((genre: { slug: string }) => genre.slug === 'science-fiction'),
      ).toMatchObject({ name: 'Science Fiction', filmCount: expect.any(Number) });
      expect(genres.map((genre: { name: string }) => genre.name)).toEqual(
        [...genres.map((genre: { name: string }) => genre.name)].sort(),
      );
    });

    it('answers 404 for unknown ids and 400 for malformed ones', async () => {
      const unknown = '0190a3c4-0000-7000-8000-000000000000';
      for (const url of [`/api/v1/films/${unknown}`, `/api/v1/persons/${unknown}`]) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(404);
        expect(response.json().code).toMatch(/_not_found$/);
      }
      for (const url of ['/api/v1/films/42', '/api/v1/persons/not-a-uuid']) {
        const response = await app.inject({ url });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().errors[0].field).toBe('/params/id');
      }
    });
  });
}

import { filmCreated, filmDeleted, filmUpdated, parseEvent } from '@cinesync/contracts';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, catalogEngines, openMigrated, startTestIdentity } from './helpers.js';

const film = {
  title: 'The Conversation',
  originalTitle: 'The Conversation',
  year: 1974,
  runtime: 113,
  overview: 'A surveillance expert fears that the couple he is recording will be murdered.',
  genres: ['Thriller', 'Mystery', 'thriller'],
  countries: ['us'],
  ageRating: 'PG',
  imdbId: 'tt0071360',
  tmdbId: 592,
  directors: ['Francis Ford Coppola'],
  writers: ['Francis Ford Coppola'],
  cast: [
    { name: 'Gene Hackman', character: 'Harry Caul' },
    { name: 'John Cazale', character: 'Stan' },
    { name: 'Harrison  Ford ', character: 'Martin Stett' },
  ],
};

interface OutboxRow {
  subject: string;
  key: string;
  payload: unknown;
  [column: string]: unknown;
}

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`admin writes on ${engine.title}`, () => {
    let db: Db;
    let app: Server;
    let identity: Awaited<ReturnType<typeof startTestIdentity>>;
    let published = 0;

    beforeAll(async () => {
      db = await openMigrated(engine);
      identity = await startTestIdentity();
      ({ app } = await buildTestApp(db, identity.auth, { published: () => published++ }));
    });

    afterAll(async () => {
      await app?.close();
      await identity?.close();
      await db?.close();
    });

    const outbox = async () =>
      (await db.query<OutboxRow>('SELECT subject, key, payload FROM outbox ORDER BY seq')).rows;

    it('refuses writes from guests (401) and plain users (403)', async () => {
      const guest = await app.inject({ method: 'POST', url: '/api/v1/films', payload: film });
      expect(guest.statusCode).toBe(401);
      const user = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: film,
        headers: await identity.bearer('user'),
      });
      expect(user.statusCode).toBe(403);
      const badToken = await app.inject({
        method: 'DELETE',
        url: '/api/v1/films/0190a3c4-0000-7000-8000-000000000000',
        headers: { authorization: 'Bearer not.a.token' },
      });
      expect(badToken.statusCode).toBe(401);
      expect(await outbox()).toEqual([]);
    });

    it('creates, edits and deletes a film, emitting an event in the same transaction', async () => {
      const admin = await identity.bearer('admin');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: film,
        headers: admin,
      });
      expect(created.statusCode, created.body).toBe(201);
      const body = created.json();
      expect(created.headers.location).toBe(`/api/v1/films/${body.id}`);
      expect(body).toMatchObject({
        title: 'The Conversation',
        countries: ['US'],
        tmdbId: 592,
        genres: [
          { name: 'Mystery', slug: 'mystery' },
          { name: 'Thriller', slug: 'thriller' },
        ],
        directors: [{ name: 'Francis Ford Coppola' }],
        writers: [{ name: 'Francis Ford Coppola' }],
      });
      expect(body.cast.map((member: { name: string }) => member.name)).toEqual([
        'Gene Hackman',
        'John Cazale',
        'Harrison Ford',
      ]);

      const found = await app.inject({ url: '/api/v1/films', query: { query: 'hackman' } });
      expect(found.json().items.map((item: { id: string }) => item.id)).toEqual([body.id]);

      const edited = await app.inject({
        method: 'PATCH',
        url: `/api/v1/films/${body.id}`,
        payload: {
          title: 'The Conversation (1974)',
          ageRating: null,
          cast: [{ name: 'Gene Hackman', character: 'Harry Caul' }],
        },
        headers: admin,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({
        title: 'The Conversation (1974)',
        ageRating: null,
        runtime: 113,
        directors: [{ name: 'Francis Ford Coppola' }],
        cast: [{ name: 'Gene Hackman', character: 'Harry Caul' }],
      });
      // The search document follows the edit; a person left without films leaves too.
      const byCazale = await app.inject({ url: '/api/v1/films', query: { query: 'Cazale' } });
      expect(byCazale.json().total).toBe(0);
      const cazale = await app.inject({ url: '/api/v1/persons', query: { query: 'John Cazale' } });
      expect(cazale.json().total).toBe(0);
      const byTitle = await app.inject({ url: '/api/v1/films', query: { query: '1974' } });
      expect(byTitle.json().items[0]?.id).toBe(body.id);

      const deleted = await app.inject({
        method: 'DELETE',
        url: `/api/v1/films/${body.id}`,
        headers: admin,
      });
      expect(deleted.statusCode).toBe(204);
      expect((await app.inject({ url: `/api/v1/films/${body.id}` })).statusCode).toBe(404);
      const again = await app.inject({
        method: 'DELETE',
        url: `/api/v1/films/${body.id}`,
        headers: admin,
      });
      expect(again.statusCode).toBe(404);

      const events = await outbox();
      expect(events.map((event) => [event.subject, event.key])).toEqual([
        ['catalog.film.created', body.id],
        ['catalog.film.updated', body.id],
        ['catalog.film.deleted', body.id],
      ]);
      const [createdEvent, updatedEvent, deletedEvent] = events;
      expect(parseEvent(filmCreated, createdEvent?.payload)).toMatchObject({
        filmId: body.id,
        title: 'The Conversation',
        year: 1974,
        genres: ['mystery', 'thriller'],
      });
      expect(parseEvent(filmUpdated, updatedEvent?.payload)).toMatchObject({
        title: 'The Conversation (1974)',
      });
      expect(parseEvent(filmDeleted, deletedEvent?.payload)).toMatchObject({ filmId: body.id });
      expect(published).toBe(3);
    });

    it('learns the words of new and renamed films and people for spelling correction', async () => {
      const admin = await identity.bearer('admin');
      const search = async (query: string) =>
        (await app.inject({ url: '/api/v1/films', query: { query } })).json();
      expect((await search('Zorblaks')).total).toBe(0);

      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: { title: 'Zorblax Rising', directors: ['Ysolde Quarrington'] },
        headers: admin,
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json();
      expect(await search('Zorblaks')).toMatchObject({
        correctedQuery: 'zorblax',
        items: [{ id, title: 'Zorblax Rising' }],
      });
      expect((await search('ysolde quarington')).items[0]?.id).toBe(id);

      const renamed = await app.inject({
        method: 'PATCH',
        url: `/api/v1/films/${id}`,
        payload: { title: 'Vexillum' },
        headers: admin,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(await search('vexilum')).toMatchObject({
        correctedQuery: 'vexillum',
        items: [{ id }],
      });
      // The old title's words stay in the dictionary, but a correction that finds nothing is skipped.
      expect((await search('Zorblaks')).total).toBe(0);
    });

    it('answers 409 for a taken TMDB id and 400 naming bad fields', async () => {
      const admin = await identity.bearer('admin');
      const first = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: { title: 'Once', tmdbId: 5051 },
        headers: admin,
      });
      expect(first.statusCode).toBe(201);
      const taken = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: { title: 'Twice', tmdbId: 5051 },
        headers: admin,
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().code).toBe('film_exists');

      const invalid = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: { year: 1800, countries: ['USA'], imdbId: '71360' },
        headers: admin,
      });
      expect(invalid.statusCode).toBe(400);
      const fields = invalid.json().errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining(['/body/title', '/body/year', '/body/countries/0', '/body/imdbId']),
      );

      const empty = await app.inject({
        method: 'PATCH',
        url: `/api/v1/films/${first.json().id}`,
        payload: {},
        headers: admin,
      });
      expect(empty.statusCode).toBe(400);
      const unknown = await app.inject({
        method: 'PATCH',
        url: '/api/v1/films/0190a3c4-0000-7000-8000-000000000000',
        payload: { title: 'Nope' },
        headers: admin,
      });
      expect(unknown.statusCode).toBe(404);
      const badId = await app.inject({
        method: 'PATCH',
        url: '/api/v1/films/nope',
        payload: { title: 'Nope' },
        headers: admin,
      });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().errors[0].field).toBe('/params/id');
    });

    it('serves the internal lookup to other services without a token', async () => {
      const admin = await identity.bearer('admin');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/films',
        payload: { title: 'Stalker', year: 1979 },
        headers: admin,
      });
      const { id } = created.json();
      const one = await app.inject({ url: `/internal/v1/films/${id}` });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual({ id, title: 'Stalker', year: 1979 });
      const missingId = '0190a3c4-0000-7000-8000-000000000000';
      expect((await app.inject({ url: `/internal/v1/films/${missingId}` })).statusCode).toBe(404);

      const batch = await app.inject({
        method: 'POST',
        url: '/internal/v1/films/lookup',
        payload: { ids: [id, missingId, id] },
      });
      expect(batch.statusCode).toBe(200);
      expect(batch.json()).toEqual({ items: [{ id, title: 'Stalker', year: 1979 }] });
      const bad = await app.inject({
        method: 'POST',
        url: '/internal/v1/films/lookup',
        payload: { ids: ['x'] },
      });
      expect(bad.statusCode).toBe(400);
    });
  });
}

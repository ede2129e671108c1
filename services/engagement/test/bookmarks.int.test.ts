import { randomUUID } from 'node:crypto';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type TestApp } from './support/app.js';

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`bookmarks on ${engine.title}`, () => {
    let t: TestApp;
    const film = (title: string, year: number | null = 1999) => {
      const ref = { id: randomUUID(), title, year };
      t.catalog.films.set(ref.id, ref);
      return ref;
    };
    const add = (headers: Record<string, string>, filmId: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/bookmarks', headers, payload: { filmId } });

    beforeAll(async () => {
      t = await openApp(engine, { breakerFailures: 3, timeoutMs: 500 });
      t.catalog.slowMs = 10_000;
    });
    afterAll(() => t?.close());
    beforeEach(() => {
      t.catalog.mode = 'ok';
    });

    it('adds with the title from the catalog, is idempotent, lists newest first, removes', async () => {
      const user = await t.user();
      const matrix = film('The Matrix');
      const heat = film('Heat', 1995);

      const created = await add(user.headers, matrix.id);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ filmId: matrix.id, title: 'The Matrix', year: 1999 });
      const requests = t.catalog.requests;
      const again = await add(user.headers, matrix.id);
      expect(again.statusCode).toBe(200);
      expect(again.json().createdAt).toBe(created.json().createdAt);
      expect(t.catalog.requests).toBe(requests);
      expect((await add(user.headers, heat.id)).statusCode).toBe(201);

      const list = await t.app.inject({ url: '/api/v1/bookmarks', headers: user.headers });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ page: 1, pageSize: 20, hasMore: false });
      expect(list.json().items.map((b: { title: string }) => b.title)).toEqual([
        'Heat',
        'The Matrix',
      ]);

      const paged = await t.app.inject({
        url: '/api/v1/bookmarks?page=2&pageSize=1',
        headers: user.headers,
      });
      expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, hasMore: false });
      expect(paged.json().items).toEqual([expect.objectContaining({ title: 'The Matrix' })]);
      const first = await t.app.inject({
        url: '/api/v1/bookmarks?pageSize=1',
        headers: user.headers,
      });
      expect(first.json()).toMatchObject({ hasMore: true, items: [{ title: 'Heat' }] });

      const other = await t.user();
      const theirs = await t.app.inject({ url: '/api/v1/bookmarks', headers: other.headers });
      expect(theirs.json().items).toEqual([]);

      const url = `/api/v1/bookmarks/${matrix.id}`;
      expect(
        (await t.app.inject({ method: 'DELETE', url, headers: user.headers })).statusCode,
      ).toBe(204);
      const missing = await t.app.inject({ method: 'DELETE', url, headers: user.headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('bookmark_not_found');
    });

    it("answers the caller's bookmark of one film, 404 when not bookmarked or removed", async () => {
      const user = await t.user();
      const other = await t.user();
      const matrix = film('The Matrix');
      const heat = film('Heat', 1995);
      const url = `/api/v1/bookmarks/${matrix.id}`;
      const mine = () => t.app.inject({ url, headers: user.headers });

      const older = await add(user.headers, heat.id);
      const before = await mine();
      expect(before.statusCode).toBe(404);
      expect(before.headers['content-type']).toContain('application/problem+json');
      expect(before.json().code).toBe('bookmark_not_found');

      const created = await add(user.headers, matrix.id);
      const found = await mine();
      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual(created.json());
      expect(found.json()).toMatchObject({ filmId: matrix.id, title: 'The Matrix', year: 1999 });
      // Not just the newest one: any bookmarked film is found, in the shape the list has.
      const heatBookmark = await t.app.inject({
        url: `/api/v1/bookmarks/${heat.id}`,
        headers: user.headers,
      });
      expect(heatBookmark.json()).toEqual(older.json());
      const list = await t.app.inject({ url: '/api/v1/bookmarks', headers: user.headers });
      expect(list.json().items).toEqual([found.json(), heatBookmark.json()]);

      // Another user's bookmark is theirs alone.
      const theirs = await t.app.inject({ url, headers: other.headers });
      expect(theirs.statusCode).toBe(404);
      expect(theirs.json().code).toBe('bookmark_not_found');

      await t.app.inject({ method: 'DELETE', url, headers: user.headers });
      expect((await mine()).statusCode).toBe(404);
    });

    it('answers 404 for a film the catalog does not know', async () => {
      const user = await t.user();
      const response = await add(user.headers, randomUUID());
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('film_not_found');
    });

    it('refuses guests, bad ids and bad paging', async () => {
      const user = await t.user();
      expect((await add({}, film('Alien').id)).statusCode).toBe(401);
      expect((await t.app.inject({ url: '/api/v1/bookmarks' })).statusCode).toBe(401);
      const bad = await add(user.headers, 'nope');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('/body/filmId');
      const badDelete = await t.app.inject({
        method: 'DELETE',
        url: '/api/v1/bookmarks/nope',
        headers: user.headers,
      });
      expect(badDelete.statusCode).toBe(400);
      const badGet = await t.app.inject({ url: '/api/v1/bookmarks/nope', headers: user.headers });
      expect(badGet.statusCode).toBe(400);
      expect(badGet.json().errors[0].field).toBe('/params/filmId');
      const guestGet = await t.app.inject({ url: `/api/v1/bookmarks/${randomUUID()}` });
      expect(guestGet.statusCode).toBe(401);
      const badPage = await t.app.inject({
        url: '/api/v1/bookmarks?pageSize=1000',
        headers: user.headers,
      });
      expect(badPage.statusCode).toBe(400);
    });

    it('answers 503 (not 500) when the catalog fails or is slow, then fails fast with the circuit open', async () => {
      const user = await t.user();
      t.catalog.mode = 'failing';
      const failing = await add(user.headers, film('Ran').id);
      expect(failing.statusCode).toBe(503);
      expect(failing.json()).toMatchObject({ code: 'catalog_unavailable' });
      expect(failing.headers['retry-after']).toBeDefined();

      t.catalog.mode = 'slow';
      const slow = await add(user.headers, film('Solaris').id);
      expect(slow.statusCode).toBe(503);
      expect(slow.json().code).toBe('catalog_unavailable');

      t.catalog.mode = 'failing';
      expect((await add(user.headers, film('Stalker').id)).statusCode).toBe(503);
      // Three failures in a row: the circuit is open and the catalog is not asked any more.
      t.catalog.mode = 'ok';
      const before = t.catalog.requests;
      const open = await add(user.headers, film('Mirror').id);
      expect(open.statusCode).toBe(503);
      expect(open.json().code).toBe('catalog_unavailable');
      expect(Number(open.headers['retry-after'])).toBeGreaterThan(1);
      expect(t.catalog.requests).toBe(before);

      // Listing never needs the catalog.
      const list = await t.app.inject({ url: '/api/v1/bookmarks', headers: user.headers });
      expect(list.statusCode).toBe(200);
    });
  });
}

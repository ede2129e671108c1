import { randomUUID } from 'node:crypto';
import { parseEvent, ratingChanged } from '@cinesync/contracts';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFilmStats, rateFilm, unrateFilm } from '../src/ratings.js';
import { findStats, recountStats } from '../src/repository/ratings.js';
import { openApp, type TestApp } from './support/app.js';
import { seededRandom } from './support/random.js';

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`ratings and film stats on ${engine.title}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openApp(engine);
    });
    afterAll(() => t?.close());

    const put = (headers: Record<string, string>, body: unknown) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/ratings', headers, payload: body as object });

    it('rates, re-rates idempotently, reads own rating and stats, removes', async () => {
      const alice = await t.user();
      const bob = await t.user();
      const filmId = randomUUID();

      const first = await put(alice.headers, { filmId, value: 8 });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ filmId, value: 8, stats: { count: 1, likes: 1 } });

      const again = await put(alice.headers, { filmId, value: 8 });
      expect(again.statusCode).toBe(200);
      expect(again.json().stats).toMatchObject({ count: 1, average: 8 });

      expect((await put(alice.headers, { filmId, value: 3 })).statusCode).toBe(200);
      expect((await put(bob.headers, { filmId, value: 10 })).statusCode).toBe(201);

      const mine = await t.app.inject({ url: `/api/v1/ratings/${filmId}`, headers: alice.headers });
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({ filmId, value: 3 });

      const stats = await t.app.inject({ url: `/api/v1/films/${filmId}/stats` });
      expect(stats.statusCode).toBe(200);
      expect(stats.json()).toEqual({
        filmId,
        likes: 1,
        dislikes: 1,
        count: 2,
        average: 6.5,
        distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 1 },
      });

      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/ratings/${filmId}`,
        headers: alice.headers,
      });
      expect(removed.statusCode).toBe(204);
      const twice = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/ratings/${filmId}`,
        headers: alice.headers,
      });
      expect(twice.statusCode).toBe(404);
      expect(twice.json().code).toBe('rating_not_found');
      const gone = await t.app.inject({ url: `/api/v1/ratings/${filmId}`, headers: alice.headers });
      expect(gone.statusCode).toBe(404);

      const after = (await t.app.inject({ url: `/api/v1/films/${filmId}/stats` })).json();
      expect(after).toMatchObject({ count: 1, likes: 1, dislikes: 0, average: 10 });
    });

    it('gives a film nobody rated zeros and a null average', async () => {
      const filmId = randomUUID();
      const response = await t.app.inject({ url: `/api/v1/films/${filmId}/stats` });
      expect(response.json()).toMatchObject({ filmId, count: 0, likes: 0, average: null });
    });

    it('emits engagement.rating.changed through the outbox for each change, none for a no-op', async () => {
      const user = await t.user();
      const filmId = randomUUID();
      const before = t.published.count;
      await put(user.headers, { filmId, value: 6 });
      await put(user.headers, { filmId, value: 6 });
      await put(user.headers, { filmId, value: 9 });
      await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/ratings/${filmId}`,
        headers: user.headers,
      });
      const events = (await t.outbox(ratingChanged.subject)).filter((e) => e.filmId === filmId);
      expect(events.map((event) => parseEvent(ratingChanged, event))).toMatchObject([
        { filmId, userId: user.id, value: 6, average: 6, count: 1 },
        { filmId, userId: user.id, value: 9, average: 9, count: 1 },
        { filmId, userId: user.id, value: null, average: null, count: 0 },
      ]);
      expect(t.published.count - before).toBe(3);
      const { rows } = await t.db.query<{ key: string }>(
        'SELECT DISTINCT key FROM outbox WHERE subject = $1 AND payload->>$2 = $3',
        [ratingChanged.subject, 'filmId', filmId],
      );
      expect(rows).toEqual([{ key: filmId }]);
    });

    it('refuses values outside 1..10, bad ids and guests', async () => {
      const user = await t.user();
      const filmId = randomUUID();
      for (const value of [0, 11, 5.5, -3]) {
        const response = await put(user.headers, { filmId, value });
        expect(response.statusCode, `value ${value}`).toBe(400);
        expect(response.json().code).toBe('validation_failed');
      }
      const zero = await put(user.headers, { filmId, value: 0 });
      expect(zero.json().errors).toEqual([expect.objectContaining({ field: '/body/value' })]);
      expect((await put(user.headers, { filmId: 'not-a-uuid', value: 5 })).statusCode).toBe(400);
      const badParam = await t.app.inject({ url: '/api/v1/films/42/stats' });
      expect(badParam.statusCode).toBe(400);
      expect(badParam.json().errors[0].field).toBe('/params/filmId');
      expect((await put({}, { filmId, value: 5 })).statusCode).toBe(401);
      const guestDelete = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/ratings/${filmId}`,
      });
      expect(guestDelete.statusCode).toBe(401);
      const guestRead = await t.app.inject({ url: `/api/v1/ratings/${filmId}` });
      expect(guestRead.statusCode).toBe(401);
      const badToken = await put({ authorization: 'Bearer nonsense' }, { filmId, value: 5 });
      expect(badToken.statusCode).toBe(401);
    });

    it('loses no update under hundreds of concurrent changes to one film', async () => {
      const filmId = randomUUID();
      const users = Array.from({ length: 12 }, () => randomUUID());
      const random = seededRandom(42);
      const writer = { db: t.db, published: () => {} };
      const operations = Array.from({ length: 200 }, () => {
        const userId = users[Math.floor(random() * users.length)] ?? '';
        if (random() < 0.2) {
          // Removing a rating that is not there is a 404; that is fine here.
          return unrateFilm(writer, userId, filmId).catch(() => undefined);
        }
        return rateFilm(writer, userId, filmId, 1 + Math.floor(random() * 10));
      });
      const viaHttp = await Promise.all(
        Array.from({ length: 4 }, () => t.user()).map(async (userPromise) => {
          const user = await userPromise;
          return [put(user.headers, { filmId, value: 2 }), put(user.headers, { filmId, value: 9 })];
        }),
      );
      const responses = await Promise.all([...operations, ...viaHttp.flat()]);
      expect(responses.length).toBe(208);

      const stored = await findStats(t.db, filmId);
      const recount = await recountStats(t.db, filmId);
      expect(stored).toEqual(recount);
      expect(recount.count).toBeGreaterThan(4);
      expect(await getFilmStats(t.db, filmId)).toMatchObject({ count: recount.count });
    });
  });
}

import { randomUUID } from 'node:crypto';
import { parseEvent, reviewCreated, reviewVoted } from '@cinesync/contracts';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findReview, recountVotes } from '../src/repository/reviews.js';
import { type VoteValue, voteReview } from '../src/reviews.js';
import { openApp, type TestApp } from './support/app.js';
import { seededRandom } from './support/random.js';

type Headers = Record<string, string>;

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`reviews and votes on ${engine.title}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openApp(engine);
    });
    afterAll(() => t?.close());

    const post = (headers: Headers, filmId: string, text: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/reviews', headers, payload: { filmId, text } });
    const vote = (headers: Headers, id: string, value: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/reviews/${id}/vote`,
        headers,
        payload: { value },
      });
    const list = (filmId: string, query = '', headers: Headers = {}) =>
      t.app.inject({ url: `/api/v1/films/${filmId}/reviews${query}`, headers });

    it('publishes, edits and deletes a review with the author name from the token', async () => {
      const author = await t.user({ name: 'Ada Lovelace', email: 'ada@example.com' });
      const filmId = randomUUID();
      const created = await post(author.headers, filmId, '  A quiet masterpiece.  ');
      expect(created.statusCode).toBe(201);
      const review = created.json();
      expect(review).toMatchObject({
        filmId,
        userId: author.id,
        author: 'Ada Lovelace',
        text: 'A quiet masterpiece.',
        upVotes: 0,
        downVotes: 0,
      });
      const events = (await t.outbox(reviewCreated.subject)).filter(
        (e) => e.reviewId === review.id,
      );
      expect(events.map((e) => parseEvent(reviewCreated, e))).toMatchObject([
        { reviewId: review.id, filmId, userId: author.id },
      ]);

      const edited = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/reviews/${review.id}`,
        headers: author.headers,
        payload: { text: 'A loud masterpiece.' },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ id: review.id, text: 'A loud masterpiece.' });

      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/reviews/${review.id}`,
        headers: author.headers,
      });
      expect(deleted.statusCode).toBe(204);
      expect((await list(filmId)).json().items).toEqual([]);
    });

    it('falls back to the e-mail name, never the address', async () => {
      const user = await t.user({ email: 'grace@example.com' });
      const response = await post(user.headers, randomUUID(), 'Fine.');
      expect(response.json().author).toBe('grace');
      const anonymous = await t.user();
      expect((await post(anonymous.headers, randomUUID(), 'Fine.')).json().author).toBeNull();
    });

    it('allows one review per user and film, refuses too long or blank text and guests', async () => {
      const user = await t.user();
      const filmId = randomUUID();
      expect((await post(user.headers, filmId, 'First.')).statusCode).toBe(201);
      const duplicate = await post(user.headers, filmId, 'Second.');
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().code).toBe('review_exists');

      const tooLong = await post(user.headers, randomUUID(), 'x'.repeat(5001));
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().errors[0].field).toBe('/body/text');
      expect((await post(user.headers, randomUUID(), 'x'.repeat(5000))).statusCode).toBe(201);
      expect((await post(user.headers, randomUUID(), '')).statusCode).toBe(400);
      const blank = await post(user.headers, randomUUID(), '   ');
      expect(blank.statusCode).toBe(400);
      expect(blank.json().errors[0].field).toBe('/body/text');
      expect((await post(user.headers, 'film-1', 'Hi.')).statusCode).toBe(400);
      expect((await post({}, randomUUID(), 'Hi.')).statusCode).toBe(401);
    });

    it("forbids editing someone else's review, lets admins delete it", async () => {
      const author = await t.user();
      const other = await t.user();
      const admin = await t.user({ role: 'admin' });
      const review = (await post(author.headers, randomUUID(), 'Mine.')).json();
      const url = `/api/v1/reviews/${review.id}`;

      const edit = (headers: Headers) =>
        t.app.inject({ method: 'PATCH', url, headers, payload: { text: 'Theirs.' } });
      expect((await edit(other.headers)).statusCode).toBe(403);
      expect((await edit(admin.headers)).statusCode).toBe(403);
      expect((await edit({})).statusCode).toBe(401);
      const del = (headers: Headers) => t.app.inject({ method: 'DELETE', url, headers });
      expect((await del(other.headers)).statusCode).toBe(403);
      expect((await del(admin.headers)).statusCode).toBe(204);
      expect((await del(admin.headers)).statusCode).toBe(404);
      expect((await edit(author.headers)).statusCode).toBe(404);
      const badId = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/reviews/123',
        headers: author.headers,
        payload: { text: 'x' },
      });
      expect(badId.statusCode).toBe(400);
    });

    it("votes up, down and clears, with counters, events, sort=top and the caller's vote", async () => {
      const filmId = randomUUID();
      const [a, b, c] = await Promise.all([t.user(), t.user(), t.user()]);
      if (!a || !b || !c) throw new Error('users');
      const older = (await post(a.headers, filmId, 'Older.')).json();
      const newer = (await post(b.headers, filmId, 'Newer.')).json();

      const up = await vote(c.headers, older.id, 1);
      expect(up.statusCode).toBe(200);
      expect(up.json()).toEqual({ reviewId: older.id, value: 1, upVotes: 1, downVotes: 0 });
      expect((await vote(c.headers, older.id, 1)).json()).toMatchObject({ upVotes: 1 });
      expect((await vote(b.headers, older.id, -1)).json()).toMatchObject({
        upVotes: 1,
        downVotes: 1,
      });
      expect((await vote(b.headers, older.id, 1)).json()).toMatchObject({
        upVotes: 2,
        downVotes: 0,
      });
      expect((await vote(c.headers, newer.id, -1)).statusCode).toBe(200);

      const byNew = (await list(filmId, '?sort=new')).json();
      expect(byNew.items.map((r: { id: string }) => r.id)).toEqual([newer.id, older.id]);
      expect(byNew.items[0].myVote).toBeNull();
      const byTop = (await list(filmId, '?sort=top', c.headers)).json();
      expect(byTop.items.map((r: { id: string }) => r.id)).toEqual([older.id, newer.id]);
      expect(byTop.items.map((r: { myVote: number }) => r.myVote)).toEqual([1, -1]);
      expect(byTop.items[0]).toMatchObject({ upVotes: 2, downVotes: 0 });
      const paged = (await list(filmId, '?sort=top&page=1&pageSize=1')).json();
      expect(paged).toMatchObject({ hasMore: true, items: [{ id: older.id }] });

      const cleared = await vote(c.headers, older.id, 0);
      expect(cleared.json()).toEqual({ reviewId: older.id, value: 0, upVotes: 1, downVotes: 0 });
      expect(
        (await list(filmId, '?sort=top', c.headers))
          .json()
          .items.map((r: { myVote: number }) => r.myVote),
      ).toEqual([0, -1]);

      const events = (await t.outbox(reviewVoted.subject)).filter((e) => e.reviewId === older.id);
      expect(events.map((e) => parseEvent(reviewVoted, e).value)).toEqual([1, -1, 1, 0]);
    });

    it('refuses bad votes, own votes, unknown reviews and guests', async () => {
      const author = await t.user();
      const voter = await t.user();
      const review = (await post(author.headers, randomUUID(), 'Hm.')).json();
      for (const value of [2, -2, 'up', 0.5]) {
        expect((await vote(voter.headers, review.id, value)).statusCode, `value ${value}`).toBe(
          400,
        );
      }
      const own = await vote(author.headers, review.id, 1);
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('own_review');
      expect((await vote(voter.headers, randomUUID(), 1)).statusCode).toBe(404);
      expect((await vote(voter.headers, 'nope', 1)).statusCode).toBe(400);
      expect((await vote({}, review.id, 1)).statusCode).toBe(401);
      expect((await list('nope')).statusCode).toBe(400);
      expect((await list(randomUUID(), '?sort=best')).statusCode).toBe(400);
    });

    it('keeps vote counters equal to a recount under hundreds of concurrent votes', async () => {
      const author = await t.user();
      const review = (await post(author.headers, randomUUID(), 'Vote on me.')).json();
      const voters = Array.from({ length: 15 }, () => ({
        id: randomUUID(),
        role: 'user' as const,
        name: null,
      }));
      const random = seededRandom(7);
      const values: VoteValue[] = [1, -1, 0];
      const writer = { db: t.db, published: () => {} };
      const direct = Array.from({ length: 200 }, () => {
        const voter = voters[Math.floor(random() * voters.length)];
        if (!voter) throw new Error('voter');
        return voteReview(writer, voter, review.id, values[Math.floor(random() * 3)] ?? 0);
      });
      const viaHttp = await Promise.all(Array.from({ length: 4 }, () => t.user()));
      const results = await Promise.all([
        ...direct,
        ...viaHttp.flatMap((user) => [
          vote(user.headers, review.id, 1),
          vote(user.headers, review.id, -1),
        ]),
      ]);
      expect(results).toHaveLength(208);
      const stored = await findReview(t.db, review.id);
      const recount = await recountVotes(t.db, review.id);
      expect({ upVotes: stored?.upVotes, downVotes: stored?.downVotes }).toEqual(recount);
      expect(recount.downVotes).toBeGreaterThanOrEqual(4);
    });
  });
}

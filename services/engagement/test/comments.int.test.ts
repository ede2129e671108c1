import { randomUUID } from 'node:crypto';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COMMENT_DEPTH } from '../src/comments.js';
import { openApp, type TestApp } from './support/app.js';

type Headers = Record<string, string>;

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`comments on ${engine.title}`, () => {
    let t: TestApp;
    let headers: Headers;
    beforeAll(async () => {
      t = await openApp(engine);
      headers = (await t.user({ name: 'Kim' })).headers;
    });
    afterAll(() => t?.close());

    const review = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/reviews',
          headers,
          payload: { filmId: randomUUID(), text: 'Discuss.' },
        })
      ).json().id as string;
    const comment = (reviewId: string, text: string, parentId?: string, as: Headers = headers) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/reviews/${reviewId}/comments`,
        headers: as,
        payload: parentId ? { text, parentId } : { text },
      });
    const threads = (reviewId: string, query = '') =>
      t.app.inject({ url: `/api/v1/reviews/${reviewId}/comments${query}` });

    it('lists threads depth-first, paginated by top-level comment', async () => {
      const id = await review();
      const first = (await comment(id, 'first')).json();
      expect(first).toMatchObject({ reviewId: id, parentId: null, depth: 0, author: 'Kim' });
      const second = (await comment(id, 'second')).json();
      const reply = (await comment(id, 'reply to first', first.id)).json();
      expect(reply).toMatchObject({ parentId: first.id, depth: 1 });
      const nested = (await comment(id, 'reply to reply', reply.id)).json();
      expect(nested.depth).toBe(2);
      await comment(id, 'second reply to first', first.id);
      await comment(id, 'reply to second', second.id);

      const all = await threads(id);
      expect(all.statusCode).toBe(200);
      expect(
        all.json().items.map((c: { text: string; depth: number }) => [c.depth, c.text]),
      ).toEqual([
        [0, 'first'],
        [1, 'reply to first'],
        [2, 'reply to reply'],
        [1, 'second reply to first'],
        [0, 'second'],
        [1, 'reply to second'],
      ]);
      const page2 = (await threads(id, '?page=2&pageSize=1')).json();
      expect(page2).toMatchObject({ page: 2, hasMore: false });
      expect(page2.items.map((c: { text: string }) => c.text)).toEqual([
        'second',
        'reply to second',
      ]);
      expect((await threads(id, '?pageSize=1')).json().hasMore).toBe(true);
    });

    it('refuses a parent from another review, too deep a reply, bad input and guests', async () => {
      const id = await review();
      const elsewhere = (await comment(await review(), 'elsewhere')).json();
      const foreign = await comment(id, 'hi', elsewhere.id);
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().code).toBe('invalid_parent');
      expect((await comment(id, 'hi', randomUUID())).statusCode).toBe(422);

      let parent = (await comment(id, 'level 0')).json();
      for (let depth = 1; depth <= MAX_COMMENT_DEPTH; depth++) {
        parent = (await comment(id, `level ${depth}`, parent.id)).json();
        expect(parent.depth).toBe(depth);
      }
      const deep = await comment(id, 'too deep', parent.id);
      expect(deep.statusCode).toBe(422);
      expect(deep.json().code).toBe('comment_too_deep');

      expect((await comment(id, 'x'.repeat(2001))).statusCode).toBe(400);
      expect((await comment(id, ' ')).statusCode).toBe(400);
      expect((await comment(id, 'hi', 'nope')).statusCode).toBe(400);
      expect((await comment(randomUUID(), 'hi')).statusCode).toBe(404);
      expect((await comment('nope', 'hi')).statusCode).toBe(400);
      expect((await comment(id, 'hi', undefined, {})).statusCode).toBe(401);
      expect((await threads(randomUUID())).statusCode).toBe(404);
    });

    it('goes away with its review', async () => {
      const id = await review();
      await comment(id, 'soon gone');
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/reviews/${id}`,
        headers,
      });
      expect(deleted.statusCode).toBe(204);
      const { rows } = await t.db.query('SELECT 1 FROM review_comments WHERE review_id = $1', [id]);
      expect(rows).toEqual([]);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import { uuidv7 } from '@cinesync/kit/outbox';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { onOrderStatusChanged } from '../src/ingest.js';
import { LiveFeed } from '../src/live.js';
import { AUDIENCE, ISSUER, startIssuer, type TestIssuer } from './support/auth.js';
import { logger, openDatabase, PUBLIC_URL, truncate } from './support/harness.js';

interface Item {
  id: string;
  seq: number;
  type: string;
  readAt: string | null;
  data: { orderId: string };
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`feed and preferences API: ${engine.title}`, () => {
    let db: Db;
    let app: Server;
    let issuer: TestIssuer;

    /** `count` order notifications for the user, oldest first; returns their order ids. */
    const notify = async (userId: string, count: number) => {
      const orderIds: string[] = [];
      for (let i = 0; i < count; i++) {
        const orderId = randomUUID();
        orderIds.push(orderId);
        const event = {
          orderId,
          userId,
          status: 'awaiting_payment',
          previousStatus: 'new',
          items: [],
          occurredAt: new Date().toISOString(),
        };
        await db.transaction((tx) =>
          onOrderStatusChanged(tx, event, uuidv7(), { publicUrl: PUBLIC_URL }),
        );
      }
      return orderIds;
    };

    const get = async (userId: string | null, url: string) =>
      app.inject({ url, headers: userId ? await issuer.headers(userId) : {} });
    const post = async (userId: string | null, url: string) =>
      app.inject({ method: 'POST', url, headers: userId ? await issuer.headers(userId) : {} });

    beforeAll(async () => {
      db = await openDatabase(engine);
      issuer = await startIssuer();
      const auth = createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE });
      app = await buildApp({ db, auth, live: new LiveFeed({ db }), logger });
    });
    afterAll(async () => {
      await app?.close();
      await issuer?.close();
      await db?.close();
    });
    beforeEach(() => truncate(db));

    it('lists the caller’s notifications newest first, page by page, with the unread count', async () => {
      const me = randomUUID();
      const orders = await notify(me, 25);
      await notify(randomUUID(), 3);

      const pages: Item[][] = [];
      for (const page of [1, 2, 3]) {
        const response = await get(me, `/api/v1/notifications?page=${page}&pageSize=10`);
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body).toMatchObject({ page, pageSize: 10, hasMore: page < 3, unreadCount: 25 });
        pages.push(body.items);
      }
      const items = pages.flat();
      expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
      expect(items.map((item) => item.seq)).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
      expect(items.map((item) => item.data.orderId)).toEqual(orders.toReversed());
      expect(items[0]).toMatchObject({
        type: 'order.awaiting_payment',
        category: 'orders',
        link: `/orders/${orders[24]}`,
        readAt: null,
      });
    });

    it('marks one read (idempotently), then all, and filters unread', async () => {
      const me = randomUUID();
      await notify(me, 3);
      const { items } = (await get(me, '/api/v1/notifications')).json();
      const target: Item = items[1];

      const first = await post(me, `/api/v1/notifications/${target.id}/read`);
      expect(first.statusCode).toBe(200);
      expect(first.json().readAt).toEqual(expect.any(String));
      const again = await post(me, `/api/v1/notifications/${target.id}/read`);
      expect(again.json().readAt).toBe(first.json().readAt);

      const unread = (await get(me, '/api/v1/notifications?unreadOnly=true')).json();
      expect(unread.unreadCount).toBe(2);
      expect(unread.items.map((item: Item) => item.id)).not.toContain(target.id);

      const all = await post(me, '/api/v1/notifications/read-all');
      expect(all.statusCode).toBe(200);
      expect(all.json()).toEqual({ marked: 2 });
      expect((await get(me, '/api/v1/notifications')).json().unreadCount).toBe(0);
    });

    it('answers 404 for someone else’s notification and leaves it unread', async () => {
      const owner = randomUUID();
      await notify(owner, 1);
      const [theirs] = (await get(owner, '/api/v1/notifications')).json().items;

      const response = await post(randomUUID(), `/api/v1/notifications/${theirs.id}/read`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('notification_not_found');
      expect((await get(owner, '/api/v1/notifications')).json().unreadCount).toBe(1);
      expect((await post(owner, `/api/v1/notifications/${randomUUID()}/read`)).statusCode).toBe(
        404,
      );
      expect((await post(owner, '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    });

    it('refuses guests with 401 everywhere', async () => {
      for (const url of [
        '/api/v1/notifications',
        '/api/v1/notifications/preferences',
        '/api/v1/notifications/stream',
      ]) {
        expect((await get(null, url)).statusCode, url).toBe(401);
      }
      expect((await post(null, '/api/v1/notifications/read-all')).statusCode).toBe(401);
      expect((await post(null, `/api/v1/notifications/${randomUUID()}/read`)).statusCode).toBe(401);
      const put = await app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        payload: { email: { welcome: true, orders: true, support: true } },
      });
      expect(put.statusCode).toBe(401);
      const forged = await app.inject({
        url: '/api/v1/notifications/stream?access_token=not.a.token',
      });
      expect(forged.statusCode).toBe(401);
    });

    it('keeps an access token given in the stream URL out of the logs', async () => {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const auth = createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE });
      const logged = await buildApp({
        db,
        auth,
        live: new LiveFeed({ db }),
        logger: createLogger({ service: 'test', level: 'trace', destination }),
      });
      try {
        const secret = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2VjcmV0LXNpZ25hdHVyZQ';
        const response = await logged.inject({
          url: `/api/v1/notifications/stream?access_token=${secret}`,
        });
        expect(response.statusCode).toBe(401);
        await logged.inject({ url: '/api/v1/notifications' });
        expect(lines.join('')).toContain('/api/v1/notifications');
        expect(lines.join('')).not.toContain('c2VjcmV0LXNpZ25hdHVyZQ');
      } finally {
        await logged.close();
      }
    });

    it('keeps e-mail preferences per user: all on by default, full replacement on PUT', async () => {
      const me = randomUUID();
      const url = '/api/v1/notifications/preferences';
      expect((await get(me, url)).json()).toEqual({
        email: { welcome: true, orders: true, support: true },
      });
      const headers = await issuer.headers(me);
      const payload = { email: { welcome: false, orders: false, support: true } };
      const put = await app.inject({ method: 'PUT', url, headers, payload });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual(payload);
      expect((await get(me, url)).json()).toEqual(payload);
      expect((await get(randomUUID(), url)).json().email.orders).toBe(true);

      const partial = await app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { email: { orders: 'yes' } },
      });
      expect(partial.statusCode).toBe(400);
      expect(partial.json().code).toBe('validation_failed');
    });
  });
}

import { randomUUID } from 'node:crypto';
import { createAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { LiveFeed } from '../src/live.js';
import { AUDIENCE, ISSUER } from './support/auth.js';
import { eventually, setups } from './support/engines.js';
import { type Harness, logger, openDatabase, openHarness } from './support/harness.js';
import { openSse, type SseClient } from './support/sse.js';

const STREAM = '/api/v1/notifications/stream';

for (const setup of setups()) {
  describe.skipIf(setup.skipReason)(`live stream (SSE): ${setup.title}`, () => {
    let db: Db;
    let h: Harness;
    let base: string;
    const clients: SseClient[] = [];

    const connect = async (url: string, headers: Record<string, string> = {}) => {
      const client = await openSse(url, headers);
      clients.push(client);
      return client;
    };

    beforeAll(async () => {
      db = await openDatabase(setup.db);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      h = await openHarness(setup, db);
      base = await (await h.start()).app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterEach(async () => {
      for (const client of clients.splice(0)) client.close();
      await h?.close();
    });

    it('delivers a notification to a connected client right after the event', async ({
      annotate,
    }) => {
      const user = await h.register();
      const token = await h.issuer.token(user.userId);
      const client = await connect(`${base}${STREAM}?access_token=${token}`);
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      // The welcome may arrive before or after the stream opened; wait for the connection to be live.
      await eventually('the connected comment', () => client.comments.includes('connected'));
      await h.settled();
      const seen = client.events.length;

      const orderId = randomUUID();
      const publishedAt = Date.now();
      await h.changeOrder(user, { orderId, status: 'awaiting_payment' });
      const event = await client.event(seen, 5000);
      const latencyMs = Date.now() - publishedAt;
      await annotate(`event → stream latency: ${latencyMs} ms`);

      expect(event.event).toBe('notification');
      const body = JSON.parse(event.data);
      expect(body).toMatchObject({
        type: 'order.awaiting_payment',
        category: 'orders',
        data: { orderId, status: 'awaiting_payment' },
        readAt: null,
      });
      expect(event.id).toBe(String(body.seq));
    });

    it('replays what a client missed after its Last-Event-ID, then goes on live', async () => {
      const user = await h.register();
      await h.settled();
      // Different orders are different keys, handled in any order: one at a time fixes the seqs.
      for (const status of ['awaiting_payment', 'paid']) {
        await h.changeOrder(user, { orderId: randomUUID(), status, previousStatus: 'new' });
        await h.settled();
      }
      const client = await connect(`${base}${STREAM}`, {
        ...(await h.issuer.headers(user.userId)),
        'last-event-id': '1',
      });
      expect(client.status).toBe(200);
      await client.event(1);
      await h.changeOrder(user, { orderId: randomUUID(), status: 'failed' });
      await client.event(2);
      expect(client.events.map((event) => event.id)).toEqual(['2', '3', '4']);
      expect(client.events.map((event) => JSON.parse(event.data).type)).toEqual([
        'order.awaiting_payment',
        'order.paid',
        'order.failed',
      ]);
    });

    it('reaches clients of a replica that did not handle the event, and ends streams on close', async () => {
      // Replica B serves the stream; the harness's replica consumes the events.
      const live = new LiveFeed({ db, pollMs: 200 });
      live.start();
      const auth = createAuth({ jwksUrl: h.issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE });
      const other = await buildApp({ db, auth, live, logger, heartbeatMs: 50 });
      try {
        const url = await other.listen({ port: 0, host: '127.0.0.1' });
        const user = await h.register();
        await h.settled();
        const client = await connect(`${url}${STREAM}`, {
          ...(await h.issuer.headers(user.userId)),
          'last-event-id': '0',
        });
        expect(JSON.parse((await client.event(0)).data).type).toBe('welcome');
        await h.changeOrder(user, { orderId: randomUUID(), status: 'awaiting_payment' });
        expect(JSON.parse((await client.event(1)).data).type).toBe('order.awaiting_payment');
        await eventually('a heartbeat', () => client.comments.includes('heartbeat'));

        await other.close();
        await eventually('the stream to end', () => client.ended);
        expect(live.size).toBe(0);
      } finally {
        await other.close();
        await live.stop();
      }
    });

    it('shows each user only their own notifications', async () => {
      const [ann, bob] = [await h.register(), await h.register({ displayName: 'Bob' })];
      await h.settled();
      const annClient = await connect(`${base}${STREAM}`, await h.issuer.headers(ann.userId));
      const bobClient = await connect(`${base}${STREAM}`, await h.issuer.headers(bob.userId));
      await eventually('both connected', () =>
        [annClient, bobClient].every((c) => c.comments.includes('connected')),
      );
      await h.changeOrder(bob, { orderId: randomUUID(), status: 'paid' });
      await bobClient.event(0);
      await h.changeOrder(ann, { orderId: randomUUID(), status: 'failed' });
      expect(JSON.parse((await annClient.event(0)).data).type).toBe('order.failed');
      expect(annClient.events).toHaveLength(1);
      expect(bobClient.events).toHaveLength(1);
    });
  });
}

import { randomUUID } from 'node:crypto';
import type { Db } from '@cinesync/kit/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventually, setups } from './support/engines.js';
import { type Harness, openDatabase, openHarness, type TestUser } from './support/harness.js';
import type { ReceivedMail } from './support/smtp.js';

const subjectsOf = (mails: ReceivedMail[], orderId: string) =>
  mails.filter((mail) => mail.raw.includes(orderId)).map((mail) => mail.subject);

const ref = (orderId: string) => orderId.slice(0, 8);

for (const setup of setups()) {
  describe.skipIf(setup.skipReason)(`e-mail over SMTP: ${setup.title}`, () => {
    let db: Db;
    let h: Harness;

    beforeAll(async () => {
      db = await openDatabase(setup.db);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      h = await openHarness(setup, db);
      await h.start();
    });
    afterEach(async () => {
      await h?.close();
    });

    it('sends the welcome and one mail per order status, once each and in order, across a consumer restart', async () => {
      const user = await h.register();
      await eventually('the welcome mail', () => h.smtp.mails.length === 1);
      const [o1, o2, o3, o4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

      await h.changeOrder(user, { orderId: o1, status: 'awaiting_payment' });
      await h.changeOrder(user, { orderId: o2, status: 'awaiting_payment' });
      await h.changeOrder(user, { orderId: o3, status: 'failed', previousStatus: 'new' });
      const o1Paid = await h.changeOrder(user, {
        orderId: o1,
        status: 'paid',
        previousStatus: 'awaiting_payment',
      });
      await h.changeOrder(user, {
        orderId: o2,
        status: 'cancelled',
        previousStatus: 'awaiting_payment',
      });
      // Mid-stream: as soon as part of the events went out, the replica is replaced.
      await eventually('some order mails', () => h.smtp.mails.length >= 2);
      await h.restart();

      await h.changeOrder(user, { orderId: o4, status: 'awaiting_payment' });
      await h.changeOrder(user, {
        orderId: o4,
        status: 'paid',
        previousStatus: 'awaiting_payment',
      });
      // The relay republishing a row it had published but not marked: same message id.
      await h.changeOrder(
        user,
        { orderId: o1, status: 'paid', previousStatus: 'awaiting_payment' },
        o1Paid,
      );
      await h.settled();

      const mails = h.smtp.mails;
      expect(mails).toHaveLength(8);
      expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(8);
      expect(mails.every((mail) => mail.to.join() === user.email)).toBe(true);
      expect(mails[0]?.subject).toBe('Welcome to CineSync, Ann Watcher!');
      expect(subjectsOf(mails, o1)).toEqual([
        `Please pay for your order ${ref(o1)}`,
        `Your receipt for order ${ref(o1)}`,
      ]);
      expect(subjectsOf(mails, o2)).toEqual([
        `Please pay for your order ${ref(o2)}`,
        `Your order ${ref(o2)} was cancelled`,
      ]);
      expect(subjectsOf(mails, o3)).toEqual([`Your order ${ref(o3)} could not be completed`]);
      expect(subjectsOf(mails, o4)).toEqual([
        `Please pay for your order ${ref(o4)}`,
        `Your receipt for order ${ref(o4)}`,
      ]);

      const feed = await h.db.query<{ type: string }>(
        'SELECT type FROM notifications WHERE user_id = $1 ORDER BY user_seq',
        [user.userId],
      );
      expect(feed.rows).toHaveLength(8);
      const delivered = await h.db.query<{ status: string }>(
        'SELECT DISTINCT status FROM deliveries',
      );
      expect(delivered.rows).toEqual([{ status: 'sent' }]);
    });

    it('keeps an order mail until the user is known, then sends it after the welcome', async () => {
      const user: TestUser = {
        userId: randomUUID(),
        email: 'late@example.org',
        displayName: 'Late Larry',
      };
      const orderId = randomUUID();
      const orderEvent = await h.changeOrder(user, { orderId, status: 'awaiting_payment' });
      await h.settled([orderEvent]);
      const waiting = await h.db.query<{ status: string }>('SELECT status FROM deliveries');
      expect(waiting.rows).toEqual([{ status: 'waiting' }]);
      expect(h.smtp.mails).toHaveLength(0);

      await h.register(user);
      await h.settled();
      expect(h.smtp.mails.map((mail) => mail.subject)).toEqual([
        'Welcome to CineSync, Late Larry!',
        `Please pay for your order ${ref(orderId)}`,
      ]);
    });

    it('sends no e-mail of a kind the user turned off, but keeps the in-app notification', async () => {
      const user = await h.register();
      await eventually('the welcome mail', () => h.smtp.mails.length === 1);
      const headers = await h.issuer.headers(user.userId);
      const put = await h.replica().app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/preferences',
        headers,
        payload: { email: { welcome: true, orders: false, support: true } },
      });
      expect(put.statusCode).toBe(200);

      const orderId = randomUUID();
      await h.changeOrder(user, { orderId, status: 'awaiting_payment' });
      await h.publish('ticketUpdated', 'ticket-1', {
        ticketId: 'ticket-1',
        userId: user.userId,
        subject: 'Playback stutters',
        status: 'in_progress',
        change: 'status_changed',
        assignee: 'someone new field',
        occurredAt: new Date().toISOString(),
      });
      await h.settled();

      expect(h.smtp.mails.map((mail) => mail.subject)).toEqual([
        'Welcome to CineSync, Ann Watcher!',
        'Your support ticket "Playback stutters" was updated',
      ]);
      const feed = await h.replica().app.inject({ url: '/api/v1/notifications', headers });
      // Orders and support events are different keys (and streams): no order between them.
      expect(
        feed
          .json()
          .items.map((item: { type: string }) => item.type)
          .sort(),
      ).toEqual(['order.awaiting_payment', 'ticket.updated', 'welcome']);
    });

    it('dead-letters an event it cannot read without holding up the others', async () => {
      const dead: string[] = [];
      const dlq = h
        .replica()
        .bus.subscribe(
          { durable: `${h.testBus.durable}_dlq_watch`, subjects: [`dlq.${h.testBus.durable}`] },
          async (message) => {
            dead.push(message.id);
          },
        );
      try {
        const user = await h.register();
        await h.settled();
        const bad = await h.publish('orderStatusChanged', 'o-bad', { orderId: 'o-bad' });
        const orderId = randomUUID();
        const good = await h.changeOrder(user, { orderId, status: 'awaiting_payment' });
        await h.settled([good]);
        await eventually('the dead letter', () => dead.length === 1);
        expect(dead[0]).toBe(`${h.testBus.durable}:${bad}`);
        expect(h.smtp.mails.map((mail) => mail.subject)).toContain(
          `Please pay for your order ${ref(orderId)}`,
        );
      } finally {
        await dlq.stop();
      }
    });
  });
}

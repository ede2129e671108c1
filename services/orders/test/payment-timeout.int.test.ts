import type { Db } from '@cinesync/kit/db';
import { createLogger } from '@cinesync/kit/log';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Orders } from '../src/orders.js';
import { startPaymentTimeout } from '../src/payment-timeout.js';
import { putStock } from '../src/repository.js';
import {
  alice,
  line,
  manualClock,
  openOrdersDb,
  ordersEngines,
  SETUP_TIMEOUT_MS,
  stockOf,
} from './support.js';

const MINUTE = 60_000;
const TIMEOUT = 10 * MINUTE;
const SKU = 3003;
const log = createLogger({ service: 'orders', level: 'silent' });

async function cancelEvents(db: Db, orderId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox
     WHERE key = $1 AND payload->>'status' = 'cancelled'`,
    [orderId],
  );
  return rows[0]?.n ?? 0;
}

for (const engine of ordersEngines()) {
  describe.skipIf(engine.skipReason)(`payment timeout on ${engine.title}`, () => {
    let db: Db;
    let clock: ReturnType<typeof manualClock>;
    let orders: Orders;

    beforeAll(async () => {
      db = await openOrdersDb(engine);
    }, SETUP_TIMEOUT_MS);
    afterAll(() => db?.close());
    beforeEach(async () => {
      await db.query("UPDATE orders SET status = 'paid' WHERE status = 'awaiting_payment'");
      await putStock(db, SKU, 100);
      clock = manualClock();
      orders = new Orders({ db, clock: clock.now });
    });

    it('cancels orders unpaid for longer than the timeout and releases their stock', async () => {
      const job = startPaymentTimeout({
        orders,
        timeoutMs: TIMEOUT,
        intervalMs: 60_000,
        clock: clock.now,
        log,
      });
      try {
        const old = await orders.create(alice, [line(SKU, 3)]);
        const paid = await orders.create(alice, [line(SKU, 1)]);
        await orders.pay(alice, paid.id);
        clock.advance(6 * MINUTE);
        const recent = await orders.create(alice, [line(SKU, 2)]);
        expect(await stockOf(db, SKU)).toEqual({ total: 99, reserved: 5 });

        clock.advance(4 * MINUTE);
        expect(await job.runOnce()).toBe(0); // exactly 10 minutes old: not yet

        clock.advance(1000);
        expect(await job.runOnce()).toBe(1);
        expect((await orders.get(alice, old.id)).status).toBe('cancelled');
        expect((await orders.get(alice, paid.id)).status).toBe('paid');
        expect((await orders.get(alice, recent.id)).status).toBe('awaiting_payment');
        expect(await stockOf(db, SKU)).toEqual({ total: 99, reserved: 2 });
        expect(await cancelEvents(db, old.id)).toBe(1);

        clock.advance(6 * MINUTE);
        expect(await job.runOnce()).toBe(1);
        expect(await stockOf(db, SKU)).toEqual({ total: 99, reserved: 0 });
      } finally {
        await job.stop();
      }
    });

    it('two replicas sweeping at once cancel each order exactly once', async () => {
      const created = [];
      for (let i = 0; i < 20; i++) created.push(await orders.create(alice, [line(SKU, 1)]));
      clock.advance(TIMEOUT + 1000);
      const replicas = [1, 2].map(() =>
        startPaymentTimeout({
          orders,
          timeoutMs: TIMEOUT,
          intervalMs: 60_000,
          batchSize: 3,
          clock: clock.now,
          log,
        }),
      );
      try {
        const counts = await Promise.all(replicas.map((job) => job.runOnce()));
        expect(counts.reduce((sum, n) => sum + n, 0)).toBe(20);
      } finally {
        await Promise.all(replicas.map((job) => job.stop()));
      }
      for (const order of created) {
        expect((await orders.get(alice, order.id)).status).toBe('cancelled');
        expect(await cancelEvents(db, order.id)).toBe(1);
      }
      expect(await stockOf(db, SKU)).toEqual({ total: 100, reserved: 0 });
    });

    it('runs by itself in the background', async () => {
      const order = await orders.create(alice, [line(SKU, 1)]);
      clock.advance(TIMEOUT + 1000);
      const job = startPaymentTimeout({
        orders,
        timeoutMs: TIMEOUT,
        intervalMs: 20,
        clock: clock.now,
        log,
      });
      try {
        await vi.waitFor(
          async () => {
            expect((await orders.get(alice, order.id)).status).toBe('cancelled');
          },
          { timeout: 10_000, interval: 20 },
        );
      } finally {
        await job.stop();
      }
    });
  });
}

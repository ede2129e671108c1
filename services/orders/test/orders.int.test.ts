import type { Db } from '@cinesync/kit/db';
import { AppError } from '@cinesync/kit/http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InsufficientStockError, Orders } from '../src/orders.js';
import { putStock } from '../src/repository.js';
import {
  admin,
  alice,
  bob,
  line,
  manualClock,
  openOrdersDb,
  ordersEngines,
  SETUP_TIMEOUT_MS,
  statusCounts,
  stockOf,
} from './support.js';

// SKUs of the demo warehouse the tests own: merchandise, so their stock is small and exact.
const TSHIRT = 3001;
const MUG = 3002;
const POSTER = 3005;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

async function events(db: Db, orderId: string) {
  const { rows } = await db.query<{ payload: { status: string; previousStatus: string | null } }>(
    'SELECT payload FROM outbox WHERE key = $1 ORDER BY seq',
    [orderId],
  );
  return rows.map((row) => `${row.payload.previousStatus}→${row.payload.status}`);
}

for (const engine of ordersEngines()) {
  describe.skipIf(engine.skipReason)(`orders on ${engine.title}`, () => {
    let db: Db;
    let orders: Orders;

    beforeAll(async () => {
      db = await openOrdersDb(engine);
      orders = new Orders({ db });
    }, SETUP_TIMEOUT_MS);
    afterAll(() => db?.close());
    beforeEach(async () => {
      await putStock(db, TSHIRT, 10);
      await putStock(db, MUG, 10);
      await putStock(db, POSTER, 10);
    });

    it('creates an order awaiting payment, reserving its stock, with both changes in the outbox', async () => {
      const order = await orders.create(alice, [line(TSHIRT, 2, 2499), line(MUG, 1, 1299)]);
      expect(order).toMatchObject({
        userId: alice.id,
        status: 'awaiting_payment',
        total: { amount: 2 * 2499 + 1299, currency: 'USD' },
      });
      expect(await stockOf(db, TSHIRT)).toEqual({ total: 10, reserved: 2 });
      expect(await stockOf(db, MUG)).toEqual({ total: 10, reserved: 1 });
      expect(await orders.stock(TSHIRT)).toEqual({ sku: TSHIRT, available: 8 });
      expect(await events(db, order.id)).toEqual(['null→new', 'new→awaiting_payment']);
      expect(await orders.get(alice, order.id)).toEqual(order);
    });

    it('merges lines of one SKU', async () => {
      const order = await orders.create(alice, [line(TSHIRT, 1), line(TSHIRT, 2)]);
      expect(order.items).toEqual([line(TSHIRT, 3)]);
    });

    it('short stock: keeps the order as failed, reserves nothing of it, and says which SKU', async () => {
      await putStock(db, POSTER, 1);
      const error = await rejection(orders.create(alice, [line(TSHIRT, 3), line(POSTER, 2)]));
      expect(error).toBeInstanceOf(InsufficientStockError);
      const short = error as InsufficientStockError;
      expect(short).toMatchObject({ status: 409, code: 'insufficient_stock', sku: POSTER });
      // The T-shirts were reserved first, then undone with the rest of the reservation.
      expect(await stockOf(db, TSHIRT)).toEqual({ total: 10, reserved: 0 });
      expect(await stockOf(db, POSTER)).toEqual({ total: 1, reserved: 0 });
      const failed = await orders.get(alice, short.orderId);
      expect(failed.status).toBe('failed');
      expect(await events(db, short.orderId)).toEqual(['null→new', 'new→failed']);
    });

    it('an unknown SKU is short stock too', async () => {
      const error = await rejection(orders.create(alice, [line(4_000_000_000, 1)]));
      expect(error).toMatchObject({ code: 'insufficient_stock', sku: 4_000_000_000 });
    });

    it('refuses an order priced in two currencies', async () => {
      const euros = { ...line(MUG, 1), price: { amount: 100, currency: 'EUR' } };
      const error = await rejection(orders.create(alice, [line(TSHIRT, 1), euros]));
      expect(error).toMatchObject({ status: 400, code: 'mixed_currencies' });
    });

    it('pay: the reserved units leave the warehouse; paying again is a conflict', async () => {
      const order = await orders.create(alice, [line(TSHIRT, 4)]);
      const paid = await orders.pay(alice, order.id);
      expect(paid.status).toBe('paid');
      expect(await stockOf(db, TSHIRT)).toEqual({ total: 6, reserved: 0 });
      expect(await rejection(orders.pay(alice, order.id))).toMatchObject({
        status: 409,
        code: 'order_status_conflict',
      });
      expect(await rejection(orders.cancel(alice, order.id))).toMatchObject({ status: 409 });
      expect(await stockOf(db, TSHIRT)).toEqual({ total: 6, reserved: 0 });
      expect(await events(db, order.id)).toEqual([
        'null→new',
        'new→awaiting_payment',
        'awaiting_payment→paid',
      ]);
    });

    it('cancel: the reservation is released; a cancelled or failed order cannot be paid', async () => {
      const order = await orders.create(alice, [line(MUG, 5)]);
      expect((await orders.cancel(alice, order.id)).status).toBe('cancelled');
      expect(await stockOf(db, MUG)).toEqual({ total: 10, reserved: 0 });
      expect(await rejection(orders.pay(alice, order.id))).toMatchObject({ status: 409 });

      await putStock(db, POSTER, 0);
      const short = (await rejection(
        orders.create(alice, [line(POSTER, 1)]),
      )) as InsufficientStockError;
      expect(await rejection(orders.pay(alice, short.orderId))).toMatchObject({ status: 409 });
      expect(await rejection(orders.cancel(alice, short.orderId))).toMatchObject({ status: 409 });
    });

    it("someone else's order is not found; an admin sees it", async () => {
      const order = await orders.create(alice, [line(MUG, 1)]);
      const attempts = [
        () => orders.get(bob, order.id),
        () => orders.pay(bob, order.id),
        () => orders.cancel(bob, order.id),
      ];
      for (const attempt of attempts) {
        expect(await rejection(attempt())).toMatchObject({ status: 404, code: 'order_not_found' });
      }
      expect((await orders.get(admin, order.id)).id).toBe(order.id);
      expect((await orders.get(alice, order.id)).status).toBe('awaiting_payment');
    });

    it('lists my orders newest first, a page at a time', async () => {
      const carol = { id: '0190a3c4-0000-7000-8000-0000000ca201', role: 'user' as const };
      const clock = manualClock();
      const timed = new Orders({ db, clock: clock.now });
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        created.push((await timed.create(carol, [line(MUG, 1)])).id);
        clock.advance(1000);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await timed.list(carol, { limit: 2, cursor });
        seen.push(...page.orders.map((order) => order.id));
        cursor = page.next;
      } while (cursor);
      expect(seen).toEqual(created.toReversed());
      expect(await rejection(orders.list(carol, { cursor: 'nonsense' }))).toMatchObject({
        status: 400,
      });
    });

    it('stock of a SKU the warehouse does not hold is not found', async () => {
      expect(await rejection(orders.stock(999_999))).toMatchObject({ status: 404 });
    });

    it('never oversells: 200 concurrent checkouts for a stock of 50', async () => {
      const SKU = 3008;
      await putStock(db, SKU, 50);
      await db.query('DELETE FROM outbox');
      const before = await statusCounts(db);
      const buyers = Array.from({ length: 200 }, (_, i) => ({
        id: `0190a3c4-0000-7000-8000-${String(i).padStart(12, '0')}`,
        role: 'user' as const,
      }));
      const results = await Promise.allSettled(
        buyers.map((buyer) => orders.create(buyer, [line(SKU, 1, 8999)])),
      );
      const succeeded = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const refused = results.filter((r) => r.status === 'rejected');
      expect(succeeded).toHaveLength(50);
      expect(refused).toHaveLength(150);
      for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientStockError);
      expect(await stockOf(db, SKU)).toEqual({ total: 50, reserved: 50 });
      expect(await orders.stock(SKU)).toEqual({ sku: SKU, available: 0 });
      const after = await statusCounts(db);
      expect((after.awaiting_payment ?? 0) - (before.awaiting_payment ?? 0)).toBe(50);
      expect((after.failed ?? 0) - (before.failed ?? 0)).toBe(150);
      // Every one of the 200 orders has exactly its two changes in the outbox.
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
      expect(rows[0]?.n).toBe(400);

      // Paying all 50 empties the warehouse for good.
      for (const order of succeeded) await orders.pay({ id: order.userId, role: 'user' }, order.id);
      expect(await stockOf(db, SKU)).toEqual({ total: 0, reserved: 0 });
    });
  });
}

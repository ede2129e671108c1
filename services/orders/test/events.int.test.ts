import { randomUUID } from 'node:crypto';
import { orderStatusChanged, parseEvent } from '@cinesync/contracts';
import { type Bus, createMemoryBus, openBus } from '@cinesync/kit/bus';
import { type Db, migrate, openDb, type Row, type Tx } from '@cinesync/kit/db';
import { consume, OutboxRelay, outboxMigrations } from '@cinesync/kit/outbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InsufficientStockError, Orders } from '../src/orders.js';
import { putStock } from '../src/repository.js';
import { alice, line, openOrdersDb, ordersEngines, SETUP_TIMEOUT_MS } from './support.js';

const natsUrl = process.env.NATS_URL;
const settle = { timeout: 20_000, interval: 25 };

/** A relay "killed" between publishing a batch and marking it sent. */
function killedBeforeMark(db: Db): Db {
  const dying = (tx: Tx): Tx => ({
    exec: (script) => tx.exec(script),
    query<R extends Row = Row>(sql: string, params?: readonly unknown[]) {
      if (sql.includes('SET published_at')) return Promise.reject(new Error('relay killed'));
      return tx.query<R>(sql, params);
    },
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(dying(tx))) };
}

/** The changes the consumer applied, per order, in the order it applied them. */
async function seenOf(db: Db, orderIds: string[]): Promise<Record<string, string[]>> {
  const { rows } = await db.query<{ order_id: string; previous: string | null; status: string }>(
    'SELECT order_id, previous, status FROM seen WHERE order_id = ANY($1) ORDER BY at',
    [orderIds],
  );
  const byOrder: Record<string, string[]> = {};
  for (const row of rows) {
    const list = byOrder[row.order_id] ?? [];
    list.push(`${row.previous}→${row.status}`);
    byOrder[row.order_id] = list;
  }
  return byOrder;
}

const buses = [
  {
    name: 'in-process bus',
    skipReason: undefined,
    open: () => createMemoryBus({ duplicateWindowMs: 0 }),
  },
  {
    name: natsUrl ? 'JetStream' : 'JetStream (skipped unless NATS_URL is set)',
    skipReason: natsUrl ? undefined : 'NATS_URL is not set',
    // A short window: the replay below comes after the bus forgot the ids, so the inbox must dedupe.
    open: () => openBus({ url: natsUrl, duplicateWindowMs: 200, name: 'orders-test' }),
  },
];

// The consumer has its own database, as the notification service would; one serves every suite
// (each reads back only its own orders).
let consumerDb: Db;
beforeAll(async () => {
  consumerDb = await openDb({});
  await migrate(consumerDb, { sets: [outboxMigrations] });
  await consumerDb.exec(
    'CREATE TABLE seen (at bigserial PRIMARY KEY, order_id text, previous text, status text)',
  );
}, SETUP_TIMEOUT_MS);
afterAll(() => consumerDb?.close());

for (const engine of ordersEngines()) {
  for (const busEngine of buses) {
    const skip = engine.skipReason ?? busEngine.skipReason;
    describe.skipIf(skip)(
      `orders.order.status_changed on ${engine.title} + ${busEngine.name}`,
      () => {
        let db: Db;
        let bus: Bus;

        beforeAll(async () => {
          db = await openOrdersDb(engine);
          await putStock(db, 3004, 10);
          bus = await busEngine.open();
        }, SETUP_TIMEOUT_MS);
        afterAll(async () => {
          await bus?.close();
          await db?.close();
        });

        it('every status change reaches a consumer exactly once, in order per order, across a relay crash', async () => {
          const orders = new Orders({ db });
          const durable = `orders_test_${randomUUID().slice(0, 8)}`;
          const deliveries: string[] = [];
          // Every delivery the bus makes, including those the inbox then skips.
          const watched: Bus = {
            kind: bus.kind,
            publish: (message) => bus.publish(message),
            subscribe: (options, handler) =>
              bus.subscribe(options, (message) => {
                deliveries.push(message.id);
                return handler(message);
              }),
            subscribeBatch: (options, handler) => bus.subscribeBatch(options, handler),
            ping: () => bus.ping(),
            close: () => bus.close(),
          };
          const subscription = consume(
            consumerDb,
            watched,
            { durable, subjects: [orderStatusChanged.subject], backoffMs: [10] },
            async (tx, message) => {
              const event = parseEvent(orderStatusChanged, message.payload);
              expect(message.key).toBe(event.orderId);
              await tx.query('INSERT INTO seen (order_id, previous, status) VALUES ($1, $2, $3)', [
                event.orderId,
                event.previousStatus,
                event.status,
              ]);
            },
          );

          const paid = await orders.create(alice, [line(3004, 1)]);
          const cancelled = await orders.create(alice, [line(3004, 2)]);
          await orders.pay(alice, paid.id);
          await orders.cancel(alice, cancelled.id);
          const failed = await orders.create(alice, [line(3004, 100)]).then(
            () => expect.unreachable('stock of 10 cannot cover 100'),
            (error: unknown) => {
              if (!(error instanceof InsufficientStockError)) throw error;
              return error.orderId;
            },
          );
          const expected = {
            [paid.id]: ['null→new', 'new→awaiting_payment', 'awaiting_payment→paid'],
            [cancelled.id]: ['null→new', 'new→awaiting_payment', 'awaiting_payment→cancelled'],
            [failed]: ['null→new', 'new→failed'],
          };

          // The relay dies after publishing the first batch of 4, before marking it sent.
          const killed = new OutboxRelay({ db: killedBeforeMark(db), bus, batchSize: 4 });
          await expect(killed.runOnce()).rejects.toThrow('relay killed');
          await vi.waitFor(() => expect(deliveries.length).toBeGreaterThanOrEqual(4), settle);
          await new Promise((resolve) => setTimeout(resolve, 250));

          // Its replacement publishes everything again, those four included.
          const relay = new OutboxRelay({ db, bus, batchSize: 4, intervalMs: 20 });
          relay.start();
          try {
            await vi.waitFor(async () => {
              expect(await seenOf(consumerDb, Object.keys(expected))).toEqual(expected);
            }, settle);
            // The replayed four reached the consumer a second time and changed nothing.
            const { rows } = await db.query<{ id: string }>(
              'SELECT id FROM outbox WHERE key = ANY($1)',
              [Object.keys(expected)],
            );
            const mine = new Set(rows.map((row) => row.id));
            await vi.waitFor(() => {
              expect(deliveries.filter((id) => mine.has(id))).toHaveLength(mine.size + 4);
            }, settle);
            expect(await seenOf(consumerDb, Object.keys(expected))).toEqual(expected);
          } finally {
            await relay.stop();
            await subscription.stop();
          }
        });
      },
    );
  }
}

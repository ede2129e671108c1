import type { StoreItem } from '@cinesync/contracts/store';
import type { Queryable, Tx } from '@cinesync/kit/db';
import type { Order, OrderLine } from './orders.js';
import type { OrderStatus } from './status.js';

interface OrderRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  status: OrderStatus;
  total: string;
  currency: string;
  created_at: Date;
  updated_at: Date;
}

interface ItemRow extends Record<string, unknown> {
  order_id: string;
  sku: string;
  name: string;
  count: number;
  price: string;
}

const ORDER_COLUMNS = 'id, user_id, status, total, currency, created_at, updated_at';

async function withItems(db: Queryable, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const { rows: items } = await db.query<ItemRow>(
    `SELECT order_id, sku, name, count, price FROM order_items
     WHERE order_id = ANY($1::uuid[]) ORDER BY sku`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    status: row.status,
    total: { amount: Number(row.total), currency: row.currency },
    items: items
      .filter((item) => item.order_id === row.id)
      .map((item) => ({
        sku: Number(item.sku),
        name: item.name,
        count: item.count,
        price: { amount: Number(item.price), currency: row.currency },
      })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** The order and its lines in one statement (one round trip on the checkout path). */
export async function insertOrder(tx: Tx, order: Order): Promise<void> {
  await tx.query(
    `WITH placed AS (
       INSERT INTO orders (id, user_id, status, total, currency, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       RETURNING id
     )
     INSERT INTO order_items (order_id, sku, name, count, price)
     SELECT placed.id, item.*
     FROM placed, unnest($7::bigint[], $8::text[], $9::int[], $10::bigint[]) AS item`,
    [
      order.id,
      order.userId,
      order.status,
      order.total.amount,
      order.total.currency,
      order.createdAt,
      order.items.map((item) => item.sku),
      order.items.map((item) => item.name),
      order.items.map((item) => item.count),
      order.items.map((item) => item.price.amount),
    ],
  );
}

export async function setStatus(tx: Tx, id: string, status: OrderStatus, at: Date): Promise<void> {
  await tx.query('UPDATE orders SET status = $2, updated_at = $3 WHERE id = $1', [id, status, at]);
}

export async function findOrder(db: Queryable, id: string): Promise<Order | undefined> {
  const { rows } = await db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [
    id,
  ]);
  return (await withItems(db, rows))[0];
}

/** The order, its row locked until the transaction ends: status changes of one order queue up. */
export async function lockOrder(tx: Tx, id: string): Promise<Order | undefined> {
  const { rows } = await tx.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return (await withItems(tx, rows))[0];
}

/**
 * Up to `limit` orders unpaid since before the cutoff, oldest first, locked until the transaction
 * ends. Rows another transaction holds (another replica's sweep, a payment in flight) are skipped
 * rather than waited for, so concurrent sweeps take disjoint batches.
 */
export async function lockExpired(tx: Tx, cutoff: Date, limit: number): Promise<Order[]> {
  const { rows } = await tx.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders
     WHERE status = 'awaiting_payment' AND created_at < $1
     ORDER BY created_at LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    [cutoff, limit],
  );
  return withItems(tx, rows);
}

/** A user's orders, newest first, strictly after the (createdAt, id) position when given. */
export async function listOrders(
  db: Queryable,
  userId: string,
  options: { before?: { createdAt: Date; id: string }; limit: number },
): Promise<Order[]> {
  const { before } = options;
  const { rows } = await db.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders
     WHERE user_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $4`,
    [userId, before?.createdAt ?? null, before?.id ?? null, options.limit],
  );
  return withItems(db, rows);
}

// Stock. Every change is one conditional UPDATE on the row, which it locks until commit;
// callers touch rows in SKU order so two transactions never wait on each other in a circle.

/** Reserves count units if that many are free; false (and nothing changed) otherwise. */
export async function reserve(tx: Tx, line: Pick<OrderLine, 'sku' | 'count'>): Promise<boolean> {
  const { rowCount } = await tx.query(
    'UPDATE stocks SET reserved = reserved + $2 WHERE sku = $1 AND total - reserved >= $2',
    [line.sku, line.count],
  );
  return rowCount === 1;
}

/** Gives back a cancelled order's reservation. */
export async function release(tx: Tx, line: Pick<OrderLine, 'sku' | 'count'>): Promise<void> {
  await tx.query('UPDATE stocks SET reserved = reserved - $2 WHERE sku = $1', [
    line.sku,
    line.count,
  ]);
}

/** A paid order's units leave the warehouse: off the reservation and off the total. */
export async function ship(tx: Tx, line: Pick<OrderLine, 'sku' | 'count'>): Promise<void> {
  await tx.query('UPDATE stocks SET reserved = reserved - $2, total = total - $2 WHERE sku = $1', [
    line.sku,
    line.count,
  ]);
}

export interface StockRow {
  sku: number;
  total: number;
  reserved: number;
}

export async function findStock(db: Queryable, sku: number): Promise<StockRow | undefined> {
  const { rows } = await db.query<{ sku: string; total: string; reserved: string }>(
    'SELECT sku, total, reserved FROM stocks WHERE sku = $1',
    [sku],
  );
  const row = rows[0];
  return row && { sku: Number(row.sku), total: Number(row.total), reserved: Number(row.reserved) };
}

/** Stocks for SKUs the warehouse does not hold yet; existing levels are left alone. */
export async function insertMissingStocks(
  db: Queryable,
  items: readonly Pick<StoreItem, 'sku' | 'stock'>[],
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO stocks (sku, total)
     SELECT * FROM unnest($1::bigint[], $2::bigint[])
     ON CONFLICT (sku) DO NOTHING`,
    [items.map((item) => item.sku), items.map((item) => item.stock)],
  );
  return rowCount;
}

/** Sets a SKU's stock outright (tests, operations); no reservation survives it. */
export async function putStock(db: Queryable, sku: number, total: number): Promise<void> {
  await db.query(
    `INSERT INTO stocks (sku, total, reserved) VALUES ($1, $2, 0)
     ON CONFLICT (sku) DO UPDATE SET total = EXCLUDED.total, reserved = 0`,
    [sku, total],
  );
}

import type { Amount } from '@cinesync/contracts/store';
import type { AuthUser } from '@cinesync/kit/auth';
import type { Db, Tx } from '@cinesync/kit/db';
import { AppError, badRequest, notFound } from '@cinesync/kit/http';
import { uuidv7 } from '@cinesync/kit/outbox';
import { recordStatusChange } from './events.js';
import {
  findOrder,
  findStock,
  insertOrder,
  listOrders,
  lockExpired,
  lockOrder,
  release,
  reserve,
  setStatus,
  ship,
} from './repository.js';
import { assertMove, type OrderStatus } from './status.js';

export interface OrderLine {
  sku: number;
  name: string;
  count: number;
  /** Price of one. */
  price: Amount;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  items: OrderLine[];
  total: Amount;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderPage {
  orders: Order[];
  /** Opaque position to continue from; undefined on the last page. */
  next: string | undefined;
}

export interface Stock {
  sku: number;
  available: number;
}

export interface OrdersOptions {
  db: Db;
  /** Injectable so tests can age orders past the payment timeout. */
  clock?: () => Date;
  /** Called after a transaction that wrote events commits (wakes the outbox relay). */
  onEvents?: () => void;
}

/** Stock was short: the order is kept as failed, the caller gets 409 / FAILED_PRECONDITION. */
export class InsufficientStockError extends AppError {
  readonly orderId: string;
  readonly sku: number;

  constructor(orderId: string, sku: number) {
    super(409, 'insufficient_stock', `Not enough stock of SKU ${sku} for this order.`);
    this.orderId = orderId;
    this.sku = sku;
  }
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/** Merges lines of one SKU and checks the order is priced in a single currency. */
function normalise(lines: readonly OrderLine[]): OrderLine[] {
  const bySku = new Map<number, OrderLine>();
  for (const line of lines) {
    const seen = bySku.get(line.sku);
    if (seen && seen.price.amount !== line.price.amount) {
      throw badRequest(
        `SKU ${line.sku} appears twice with different prices.`,
        'inconsistent_price',
      );
    }
    bySku.set(line.sku, seen ? { ...seen, count: seen.count + line.count } : { ...line });
  }
  const items = [...bySku.values()].sort((a, b) => a.sku - b.sku);
  const currencies = new Set(items.map((item) => item.price.currency));
  if (currencies.size !== 1) {
    throw badRequest('All items of an order must be priced in one currency.', 'mixed_currencies');
  }
  return items;
}

function encodeCursor(order: Order): string {
  return Buffer.from(JSON.stringify([order.createdAt.toISOString(), order.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    const createdAt = new Date(String(at));
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw badRequest('The page cursor is not valid.', 'invalid_cursor');
  }
}

/**
 * LOMS: orders and the stock they reserve. Every status change happens in one transaction that
 * locks the order row, moves stock with conditional UPDATEs in SKU order, and writes the
 * `orders.order.status_changed` event to the outbox.
 */
export class Orders {
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly onEvents: () => void;

  constructor(options: OrdersOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
    this.onEvents = options.onEvents ?? (() => {});
  }

  /**
   * Records the order as new and reserves all of its stock, or none of it, in one transaction:
   * awaiting payment when every line could be reserved, failed otherwise (then throws
   * InsufficientStockError, after the failed order is committed).
   */
  async create(user: AuthUser, lines: readonly OrderLine[]): Promise<Order> {
    const items = normalise(lines);
    const now = this.clock();
    const first = items[0];
    const currency = first ? first.price.currency : '';
    const order: Order = {
      id: uuidv7(),
      userId: user.id,
      status: 'new',
      items,
      total: { amount: items.reduce((sum, i) => sum + i.price.amount * i.count, 0), currency },
      createdAt: now,
      updatedAt: now,
    };
    // Stock first, then the order row with its final status: the same two events as inserting it
    // as new and moving it, in fewer statements (checkout's hot path, see docs/bench/store.md).
    const outcome = await this.db.transaction(async (tx) => {
      const short = await this.reserveAll(tx, items);
      const status: OrderStatus = short === undefined ? 'awaiting_payment' : 'failed';
      assertMove(order.status, status);
      const placed: Order = { ...order, status };
      await insertOrder(tx, placed);
      await recordStatusChange(tx, order, null, now);
      await recordStatusChange(tx, placed, order.status, now);
      return { short, order: placed };
    });
    this.onEvents();
    if (outcome.short !== undefined) throw new InsufficientStockError(order.id, outcome.short);
    return outcome.order;
  }

  async get(user: AuthUser, id: string): Promise<Order> {
    return this.visible(user, await findOrder(this.db, id), id);
  }

  async list(user: AuthUser, options: { limit?: number; cursor?: string }): Promise<OrderPage> {
    const limit = Math.min(options.limit || DEFAULT_PAGE, MAX_PAGE);
    const before = options.cursor ? decodeCursor(options.cursor) : undefined;
    const rows = await listOrders(this.db, user.id, { before, limit: limit + 1 });
    const orders = rows.slice(0, limit);
    const last = orders.at(-1);
    return { orders, next: rows.length > limit && last ? encodeCursor(last) : undefined };
  }

  /** awaiting_payment → paid: the reserved units leave the warehouse. */
  pay(user: AuthUser, id: string): Promise<Order> {
    return this.change(user, id, 'paid', ship);
  }

  /** awaiting_payment → cancelled: the reserved units are free again. */
  cancel(user: AuthUser, id: string): Promise<Order> {
    return this.change(user, id, 'cancelled', release);
  }

  async stock(sku: number): Promise<Stock> {
    const row = await findStock(this.db, sku);
    if (!row) throw notFound(`The warehouse holds no SKU ${sku}.`, 'stock_not_found');
    return { sku, available: row.total - row.reserved };
  }

  /**
   * Cancels up to `limit` orders unpaid since before `cutoff` in one transaction, releasing their
   * stock; returns how many. Orders that another replica's sweep or a payment holds are skipped,
   * so several replicas can run this at once and no order is cancelled (or released) twice.
   */
  async cancelExpired(cutoff: Date, limit: number): Promise<number> {
    const cancelled = await this.db.transaction(async (tx) => {
      const expired = await lockExpired(tx, cutoff, limit);
      // One release per SKU, in SKU order like every other stock change: no lock cycles.
      const bySku = new Map<number, number>();
      for (const item of expired.flatMap((order) => order.items)) {
        bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.count);
      }
      for (const [sku, count] of [...bySku].sort(([a], [b]) => a - b)) {
        await release(tx, { sku, count });
      }
      const now = this.clock();
      for (const order of expired) await this.move(tx, order, 'cancelled', now);
      return expired.length;
    });
    if (cancelled > 0) this.onEvents();
    return cancelled;
  }

  private async change(
    user: AuthUser,
    id: string,
    to: OrderStatus,
    stock: (tx: Tx, line: OrderLine) => Promise<void>,
  ): Promise<Order> {
    const order = await this.db.transaction(async (tx) => {
      const current = this.visible(user, await lockOrder(tx, id), id);
      assertMove(current.status, to);
      await this.applyToStock(tx, current.items, stock);
      return this.move(tx, current, to, this.clock());
    });
    this.onEvents();
    return order;
  }

  /** Someone else's order does not exist as far as the caller can tell; admins see all. */
  private visible(user: AuthUser, order: Order | undefined, id: string): Order {
    if (!order || (order.userId !== user.id && user.role !== 'admin')) {
      throw notFound(`There is no order ${id}.`, 'order_not_found');
    }
    return order;
  }

  private async move(tx: Tx, order: Order, to: OrderStatus, at: Date): Promise<Order> {
    assertMove(order.status, to);
    await setStatus(tx, order.id, to, at);
    const moved = { ...order, status: to, updatedAt: at };
    await recordStatusChange(tx, moved, order.status, at);
    return moved;
  }

  /**
   * Reserves every line (in SKU order, as `normalise` sorts them) or none: returns the first SKU
   * that could not be reserved, having given back the lines reserved before it; else undefined.
   * Releasing by hand costs statements only when stock is short, where a savepoint would cost two
   * on every order.
   */
  private async reserveAll(tx: Tx, items: readonly OrderLine[]): Promise<number | undefined> {
    const reserved: OrderLine[] = [];
    for (const item of items) {
      if (!(await reserve(tx, item))) {
        for (const line of reserved) await release(tx, line);
        return item.sku;
      }
      reserved.push(item);
    }
    return undefined;
  }

  private async applyToStock(
    tx: Tx,
    items: readonly OrderLine[],
    apply: (tx: Tx, line: OrderLine) => Promise<void>,
  ): Promise<void> {
    for (const item of [...items].sort((a, b) => a.sku - b.sku)) await apply(tx, item);
  }
}

import { type Amount, STORE_CURRENCY } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import { type Caller, requireCallerUser } from '@cinesync/kit/grpc';
import { conflict } from '@cinesync/kit/http';
import type { OrderPlacer } from './orders.js';
import { priceLines } from './pricing.js';
import type { ProductInfo, ProductLookup } from './products.js';
import {
  addToCart,
  type CartLine,
  cartLines,
  clearCart,
  removeFromCart,
  removeOrdered,
} from './repository.js';

export interface CartItem extends ProductInfo {
  count: number;
}

export interface CartView {
  items: CartItem[];
  total: Amount;
}

export interface CartOptions {
  db: Db;
  products: ProductLookup;
  orders: OrderPlacer;
  /** Product lookups a listing runs at once. */
  concurrency: number;
}

/** The signed-in user's cart. Every method takes the Caller: its user, token, deadline, signal. */
export class Cart {
  private readonly db: Db;
  private readonly products: ProductLookup;
  private readonly orders: OrderPlacer;
  private readonly concurrency: number;

  constructor(options: CartOptions) {
    this.db = options.db;
    this.products = options.products;
    this.orders = options.orders;
    this.concurrency = options.concurrency;
  }

  /** Adds count of a SKU; an unknown SKU is a 404 and leaves the cart as it was. */
  async add(caller: Caller, sku: number, count: number): Promise<void> {
    const user = requireCallerUser(caller);
    await this.products.get(sku, caller);
    await addToCart(this.db, user.id, { sku, count });
  }

  async remove(caller: Caller, sku: number): Promise<void> {
    await removeFromCart(this.db, requireCallerUser(caller).id, sku);
  }

  async clear(caller: Caller): Promise<void> {
    await clearCart(this.db, requireCallerUser(caller).id);
  }

  async list(caller: Caller): Promise<CartView> {
    const lines = await cartLines(this.db, requireCallerUser(caller).id);
    const items = await this.price(caller, lines);
    return { items, total: totalOf(items) };
  }

  /**
   * Orders what is in the cart, then removes what was ordered. The order is created first: if that
   * fails (stock short, orders down) the cart is left exactly as it was and the caller can retry.
   */
  async checkout(caller: Caller): Promise<string> {
    const user = requireCallerUser(caller);
    const lines = await cartLines(this.db, user.id);
    if (lines.length === 0) throw conflict('The cart is empty.', 'cart_empty');
    const items = await this.price(caller, lines);
    const orderId = await this.orders.place(caller, items);
    await removeOrdered(this.db, user.id, lines);
    return orderId;
  }

  private price(caller: Caller, lines: readonly CartLine[]): Promise<CartItem[]> {
    return priceLines(lines, this.products, caller, this.concurrency);
  }
}

function totalOf(items: readonly CartItem[]): Amount {
  const first = items[0];
  const currency = first ? first.price.currency : STORE_CURRENCY;
  if (items.some((item) => item.price.currency !== currency)) {
    throw conflict('The cart holds items priced in different currencies.', 'mixed_currencies');
  }
  return { amount: items.reduce((sum, item) => sum + item.price.amount * item.count, 0), currency };
}

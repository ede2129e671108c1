import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CartService, fromMoney, OrderService, OrderStatus } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import { createRpcTransport, ERROR_CODE_HEADER } from '@cinesync/kit/grpc';
import { startService } from '@cinesync/kit/service';
import { dbEngines, rpcFailure } from '@cinesync/kit/testing';
import { Code, createClient } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import {
  bearer,
  type CartInstance,
  callCounter,
  openCartDb,
  SETUP_TIMEOUT_MS,
  type Store,
  silent,
  startCart,
  startStore,
} from './support.js';

const ALICE = '0190a3c4-0000-7000-8000-00000000a11c';
const BOB = '0190a3c4-0000-7000-8000-000000000b0b';
const MATRIX_RENTAL = 1009; // 2.99
const TSHIRT = 3001; // 24.99
const CHAIR = 3008; // 89.99, stock 10

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`cart → product, orders over gRPC on ${engine.title}`, () => {
    let store: Store;
    let db: Db;
    let cart: CartInstance;
    const productCalls = callCounter();
    let alice: { authorization: string };
    let bob: { authorization: string };

    beforeAll(async () => {
      [store, db] = await Promise.all([startStore(engine), openCartDb(engine)]);
      cart = await startCart(store, db, { interceptors: [productCalls.interceptor] });
      alice = await bearer(store, ALICE);
      bob = await bearer(store, BOB);
    }, SETUP_TIMEOUT_MS);
    afterAll(async () => {
      await cart?.close();
      await store?.close();
      await db?.close();
    });
    beforeEach(async () => {
      await db.query('DELETE FROM cart_items');
    });

    it('AddItem, ListCart with names, prices and total, DeleteItem, ClearCart', async () => {
      const headers = alice;
      await cart.client.addItem({ sku: TSHIRT, count: 1 }, { headers });
      await cart.client.addItem({ sku: MATRIX_RENTAL, count: 2 }, { headers });
      await cart.client.addItem({ sku: TSHIRT, count: 2 }, { headers });

      const listed = await cart.client.listCart({}, { headers });
      expect(
        listed.items.map((item) => ({
          sku: item.sku,
          name: item.name,
          count: item.count,
          price: fromMoney(item.price),
        })),
      ).toEqual([
        {
          sku: TSHIRT,
          name: 'CineSync T-shirt',
          count: 3,
          price: { amount: 2499, currency: 'USD' },
        },
        {
          sku: MATRIX_RENTAL,
          name: 'Rent “The Matrix” (48 hours)',
          count: 2,
          price: { amount: 299, currency: 'USD' },
        },
      ]);
      expect(fromMoney(listed.total)).toEqual({ amount: 3 * 2499 + 2 * 299, currency: 'USD' });
      // Bob's cart is his own.
      expect((await cart.client.listCart({}, { headers: bob })).items).toEqual([]);

      await cart.client.deleteItem({ sku: TSHIRT }, { headers });
      expect((await cart.client.listCart({}, { headers })).items.map((i) => i.sku)).toEqual([
        MATRIX_RENTAL,
      ]);
      await cart.client.deleteItem({ sku: TSHIRT }, { headers }); // absent: not an error
      await cart.client.clearCart({}, { headers });
      const empty = await cart.client.listCart({}, { headers });
      expect(empty.items).toEqual([]);
      expect(fromMoney(empty.total)).toEqual({ amount: 0, currency: 'USD' });
    });

    it('AddItem: unknown SKU is NOT_FOUND, count ≤ 0 INVALID_ARGUMENT, no token UNAUTHENTICATED', async () => {
      const unknown = await rpcFailure(
        cart.client.addItem({ sku: 999_999, count: 1 }, { headers: alice }),
      );
      expect(unknown.code).toBe(Code.NotFound);
      expect(unknown.metadata.get(ERROR_CODE_HEADER)).toBe('product_not_found');
      for (const count of [0, -1, 1001]) {
        const invalid = await rpcFailure(
          cart.client.addItem({ sku: TSHIRT, count }, { headers: alice }),
        );
        expect(invalid.code).toBe(Code.InvalidArgument);
        expect(invalid.rawMessage).toMatch(/\/count/);
      }
      const zeroSku = await rpcFailure(
        cart.client.addItem({ sku: 0, count: 1 }, { headers: alice }),
      );
      expect(zeroSku.code).toBe(Code.InvalidArgument);
      const guest = await rpcFailure(cart.client.addItem({ sku: TSHIRT, count: 1 }));
      expect(guest.code).toBe(Code.Unauthenticated);
      expect((await cart.client.listCart({}, { headers: alice })).items).toEqual([]);
    });

    it('Checkout creates the order in orders (stock reserved), then empties the cart', async () => {
      await cart.client.addItem({ sku: CHAIR, count: 2 }, { headers: alice });
      await cart.client.addItem({ sku: MATRIX_RENTAL, count: 1 }, { headers: alice });
      const { orderId } = await cart.client.checkout({}, { headers: alice });
      expect((await cart.client.listCart({}, { headers: alice })).items).toEqual([]);

      const ordersRpc = createRpcTransport(store.orders.url);
      try {
        const orders = createClient(OrderService, ordersRpc.transport);
        const { order } = await orders.getOrder({ orderId }, { headers: alice });
        expect(order?.status).toBe(OrderStatus.AWAITING_PAYMENT);
        expect(order?.userId).toBe(ALICE);
        expect(order?.items.map((i) => [i.sku, i.count, i.name])).toEqual([
          [MATRIX_RENTAL, 1, 'Rent “The Matrix” (48 hours)'],
          [CHAIR, 2, 'Director’s chair'],
        ]);
        expect(fromMoney(order?.total)).toEqual({ amount: 2 * 8999 + 299, currency: 'USD' });
        const notBobs = await rpcFailure(orders.getOrder({ orderId }, { headers: bob }));
        expect(notBobs.code).toBe(Code.NotFound);
      } finally {
        ordersRpc.close();
      }
    });

    it('Checkout with short stock is FAILED_PRECONDITION and leaves the cart as it was', async () => {
      await cart.client.addItem({ sku: CHAIR, count: 500 }, { headers: alice });
      const short = await rpcFailure(cart.client.checkout({}, { headers: alice }));
      expect(short.code).toBe(Code.FailedPrecondition);
      expect(short.metadata.get(ERROR_CODE_HEADER)).toBe('insufficient_stock');
      const kept = await cart.client.listCart({}, { headers: alice });
      expect(kept.items.map((i) => [i.sku, i.count])).toEqual([[CHAIR, 500]]);

      await cart.client.clearCart({}, { headers: alice });
      const empty = await rpcFailure(cart.client.checkout({}, { headers: alice }));
      expect(empty.code).toBe(Code.FailedPrecondition);
      expect(empty.metadata.get(ERROR_CODE_HEADER)).toBe('cart_empty');
    });

    it('lists a big cart in cart order through the pool, and serves repeats from the cache', async () => {
      const skus = [3008, 1001, 2012, 3002, 1005, 2001, 3006, 1012, 2003, 3004];
      for (const sku of skus) await cart.client.addItem({ sku, count: 1 }, { headers: alice });
      await cart.client.clearCart({}, { headers: alice });
      for (const sku of skus) await cart.client.addItem({ sku, count: 1 }, { headers: alice });

      const before = productCalls.calls.length;
      const listed = await cart.client.listCart({}, { headers: alice });
      expect(listed.items.map((item) => item.sku)).toEqual(skus);
      // Every product was looked up when it was added, so listing is all cache hits.
      expect(productCalls.calls.length).toBe(before);
    });

    it('REST: the same cart with problems for 400/401/404/409', async () => {
      const add = (body: object, headers: Record<string, string> = alice) =>
        cart.app.inject({ method: 'POST', url: '/api/v1/cart/items', headers, payload: body });
      expect((await add({ sku: TSHIRT, count: 2 })).statusCode).toBe(204);
      const unknown = await add({ sku: 999_999, count: 1 });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'product_not_found' });
      const zero = await add({ sku: TSHIRT, count: 0 });
      expect(zero.statusCode).toBe(400);
      expect(zero.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: '/body/count' }],
      });
      expect((await add({ sku: TSHIRT, count: 1 }, {})).statusCode).toBe(401);

      const listed = await cart.app.inject({ url: '/api/v1/cart', headers: alice });
      expect(listed.json()).toEqual({
        items: [
          {
            sku: TSHIRT,
            name: 'CineSync T-shirt',
            count: 2,
            price: { amount: 2499, currency: 'USD' },
          },
        ],
        total: { amount: 4998, currency: 'USD' },
      });
      expect((await cart.app.inject({ url: '/api/v1/cart' })).statusCode).toBe(401);

      const removed = await cart.app.inject({
        method: 'DELETE',
        url: `/api/v1/cart/items/${TSHIRT}`,
        headers: alice,
      });
      expect(removed.statusCode).toBe(204);
      const emptyCheckout = await cart.app.inject({
        method: 'POST',
        url: '/api/v1/cart/checkout',
        headers: alice,
      });
      expect(emptyCheckout.statusCode).toBe(409);
      expect(emptyCheckout.json()).toMatchObject({ code: 'cart_empty' });

      await add({ sku: MATRIX_RENTAL, count: 1 });
      const checkout = await cart.app.inject({
        method: 'POST',
        url: '/api/v1/cart/checkout',
        headers: alice,
      });
      expect(checkout.statusCode).toBe(201);
      expect(checkout.json<{ orderId: string }>().orderId).toMatch(/^[0-9a-f-]{36}$/);
      const cleared = await cart.app.inject({
        method: 'DELETE',
        url: '/api/v1/cart',
        headers: alice,
      });
      expect(cleared.statusCode).toBe(204);
    });

    it.skipIf(engine.name !== 'pglite')(
      'runs as a service from its definition: config, database, clients, one port',
      async () => {
        await expect(
          startService(service, { env: { LOG_LEVEL: 'silent' }, port: 0 }),
        ).rejects.toThrow(/JWKS_URL[\s\S]*PRODUCT_URL[\s\S]*ORDERS_URL/);
        const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-cart-'));
        const started = await startService(service, {
          env: {
            JWKS_URL: store.issuer.jwksUrl,
            PRODUCT_URL: store.product.url,
            ORDERS_URL: store.orders.url,
            DATA_DIR: dataDir,
          },
          port: 0,
          host: '127.0.0.1',
          logger: silent,
        });
        try {
          expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
          const add = await fetch(`${started.url}/api/v1/cart/items`, {
            method: 'POST',
            headers: { ...alice, 'content-type': 'application/json' },
            body: JSON.stringify({ sku: TSHIRT, count: 1 }),
          });
          expect(add.status).toBe(204);
          const client = createClient(CartService, createGrpcTransport({ baseUrl: started.url }));
          const listed = await client.listCart({}, { headers: alice });
          expect(listed.items.map((item) => item.sku)).toEqual([TSHIRT]);
        } finally {
          await started.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    );

    it('documents the REST routes in OpenAPI', async () => {
      const doc = (await cart.app.inject({ url: '/openapi.json' })).json<{ paths: object }>();
      expect(Object.keys(doc.paths).sort()).toEqual([
        '/api/v1/cart',
        '/api/v1/cart/checkout',
        '/api/v1/cart/items',
        '/api/v1/cart/items/{sku}',
        '/healthz',
        '/readyz',
      ]);
    });
  });
}

import {
  fromMoney,
  InsufficientStockSchema,
  OrderService,
  OrderStatus,
  StockService,
  toMoney,
} from '@cinesync/contracts/store';
import { createAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createRpcTransport, ERROR_CODE_HEADER, type RpcTransport } from '@cinesync/kit/grpc';
import { listen, type Server } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import {
  rpcFailure,
  startIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from '@cinesync/kit/testing';
import { type Client, Code, createClient } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { Orders } from '../src/orders.js';
import { putStock } from '../src/repository.js';
import { alice, bob, openOrdersDb, ordersEngines, SETUP_TIMEOUT_MS } from './support.js';

const MUG = 3002;

const item = (sku: number, count: number) => ({
  sku,
  count,
  name: 'CineSync mug',
  price: toMoney({ amount: 1299, currency: 'USD' }),
});

for (const engine of ordersEngines()) {
  describe.skipIf(engine.skipReason)(`orders API on ${engine.title}`, () => {
    let db: Db;
    let issuer: TestIssuer;
    let app: Server;
    let rpc: RpcTransport;
    let orderClient: Client<typeof OrderService>;
    let stockClient: Client<typeof StockService>;
    let aliceAuth: { authorization: string };
    let bobAuth: { authorization: string };

    beforeAll(async () => {
      db = await openOrdersDb(engine);
      await putStock(db, MUG, 5);
      issuer = await startIssuer();
      const auth = createAuth({
        jwksUrl: issuer.jwksUrl,
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
      });
      const logger = createLogger({ service: 'orders', level: 'silent' });
      app = await buildApp({ db, orders: new Orders({ db }), auth, logger });
      const url = await listen(app, { port: 0, host: '127.0.0.1' });
      rpc = createRpcTransport(url);
      orderClient = createClient(OrderService, rpc.transport);
      stockClient = createClient(StockService, rpc.transport);
      aliceAuth = (await issuer.caller('user', alice.id)).headers;
      bobAuth = (await issuer.caller('user', bob.id)).headers;
    }, SETUP_TIMEOUT_MS);

    afterAll(async () => {
      rpc?.close();
      await app?.close();
      await issuer?.close();
      await db?.close();
    });

    it('gRPC: create, get, list, pay; the stock follows', async () => {
      const headers = aliceAuth;
      const { order } = await orderClient.createOrder({ items: [item(MUG, 2)] }, { headers });
      expect(order?.status).toBe(OrderStatus.AWAITING_PAYMENT);
      expect(order?.userId).toBe(alice.id);
      expect(fromMoney(order?.total)).toEqual({ amount: 2598, currency: 'USD' });
      const id = order?.id ?? '';
      expect((await stockClient.getStock({ sku: MUG })).stock?.available).toBe(3);

      expect((await orderClient.getOrder({ orderId: id }, { headers })).order?.id).toBe(id);
      const list = await orderClient.listOrders({ pageSize: 10 }, { headers });
      expect(list.orders.map((o) => o.id)).toContain(id);

      const paid = await orderClient.payOrder({ orderId: id }, { headers });
      expect(paid.order?.status).toBe(OrderStatus.PAID);
      const again = await rpcFailure(orderClient.cancelOrder({ orderId: id }, { headers }));
      expect(again.code).toBe(Code.FailedPrecondition);
      expect(again.metadata.get(ERROR_CODE_HEADER)).toBe('order_status_conflict');

      const other = await rpcFailure(orderClient.getOrder({ orderId: id }, { headers: bobAuth }));
      expect(other.code).toBe(Code.NotFound);
    });

    it('gRPC: short stock is FAILED_PRECONDITION naming the failed order and the SKU', async () => {
      const error = await rpcFailure(
        orderClient.createOrder({ items: [item(MUG, 50)] }, { headers: aliceAuth }),
      );
      expect(error.code).toBe(Code.FailedPrecondition);
      const [detail] = error.findDetails(InsufficientStockSchema);
      expect(detail?.sku).toBe(MUG);
      const failed = await orderClient.getOrder(
        { orderId: detail?.orderId ?? '' },
        { headers: aliceAuth },
      );
      expect(failed.order?.status).toBe(OrderStatus.FAILED);
    });

    it('gRPC: contract rules and authentication are enforced', async () => {
      const headers = aliceAuth;
      for (const request of [
        { items: [] },
        { items: [item(MUG, 0)] },
        { items: [item(MUG, -3)] },
        { items: [{ ...item(MUG, 1), price: undefined }] },
      ]) {
        const error = await rpcFailure(orderClient.createOrder(request, { headers }));
        expect(error.code).toBe(Code.InvalidArgument);
      }
      expect((await rpcFailure(orderClient.getOrder({ orderId: 'nope' }, { headers }))).code).toBe(
        Code.InvalidArgument,
      );
      expect((await rpcFailure(orderClient.createOrder({ items: [item(MUG, 1)] }))).code).toBe(
        Code.Unauthenticated,
      );
      expect((await rpcFailure(stockClient.getStock({ sku: 777_777 }))).code).toBe(Code.NotFound);
    });

    it('REST: my orders, pay and cancel, with 401/404/409/400 as problems', async () => {
      const { order } = await orderClient.createOrder(
        { items: [item(MUG, 1)] },
        { headers: aliceAuth },
      );
      const id = order?.id ?? '';

      expect((await app.inject({ url: '/api/v1/orders' })).statusCode).toBe(401);
      const mine = await app.inject({ url: '/api/v1/orders?limit=1', headers: aliceAuth });
      expect(mine.statusCode).toBe(200);
      const page = mine.json<{ items: { id: string }[]; nextCursor: string | null }>();
      expect(page.items).toHaveLength(1);
      expect(page.nextCursor).not.toBeNull();

      const got = await app.inject({ url: `/api/v1/orders/${id}`, headers: aliceAuth });
      expect(got.json()).toMatchObject({
        id,
        status: 'awaiting_payment',
        items: [
          { sku: MUG, count: 1, name: 'CineSync mug', price: { amount: 1299, currency: 'USD' } },
        ],
        total: { amount: 1299, currency: 'USD' },
      });
      const notMine = await app.inject({ url: `/api/v1/orders/${id}`, headers: bobAuth });
      expect(notMine.statusCode).toBe(404);
      expect(notMine.json()).toMatchObject({ code: 'order_not_found' });
      const badId = await app.inject({ url: '/api/v1/orders/123', headers: aliceAuth });
      expect(badId.statusCode).toBe(400);

      const cancel = await app.inject({
        method: 'POST',
        url: `/api/v1/orders/${id}/cancel`,
        headers: aliceAuth,
      });
      expect(cancel.json()).toMatchObject({ status: 'cancelled' });
      const pay = await app.inject({
        method: 'POST',
        url: `/api/v1/orders/${id}/pay`,
        headers: aliceAuth,
      });
      expect(pay.statusCode).toBe(409);
      expect(pay.json()).toMatchObject({ code: 'order_status_conflict' });
      const guest = await app.inject({ method: 'POST', url: `/api/v1/orders/${id}/pay` });
      expect(guest.statusCode).toBe(401);
    });

    it('REST: stock is public', async () => {
      const stock = await app.inject({ url: '/api/v1/stocks/3001' });
      expect(stock.statusCode).toBe(200);
      expect(stock.json()).toMatchObject({ sku: 3001 });
      expect((await app.inject({ url: '/api/v1/stocks/777777' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/v1/stocks/abc' })).statusCode).toBe(400);
    });

    it('documents the REST routes in OpenAPI', async () => {
      const doc = (await app.inject({ url: '/openapi.json' })).json<{ paths: object }>();
      expect(Object.keys(doc.paths).sort()).toEqual([
        '/api/v1/orders',
        '/api/v1/orders/{id}',
        '/api/v1/orders/{id}/cancel',
        '/api/v1/orders/{id}/pay',
        '/api/v1/stocks/{sku}',
        '/healthz',
        '/readyz',
      ]);
    });
  });
}

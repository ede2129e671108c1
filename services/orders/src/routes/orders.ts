import { MoneyJson, SkuParam } from '@cinesync/contracts/store';
import { requireUser } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Order, Orders } from '../orders.js';

const OrderJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    status: Type.Union([
      Type.Literal('new'),
      Type.Literal('awaiting_payment'),
      Type.Literal('paid'),
      Type.Literal('cancelled'),
      Type.Literal('failed'),
    ]),
    items: Type.Array(
      Type.Object({
        sku: SkuParam,
        name: Type.String(),
        count: Type.Integer({ minimum: 1 }),
        price: MoneyJson,
      }),
    ),
    total: MoneyJson,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Order' },
);

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['store'];
const signedIn = { onRequest: requireUser };

function orderJson(order: Order) {
  return {
    id: order.id,
    status: order.status,
    items: order.items,
    total: order.total,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

function userOf(request: FastifyRequest) {
  // requireUser ran first, so a guest never gets here.
  if (!request.user) throw new Error('unreachable: route requires a user');
  return request.user;
}

/**
 * The public REST face of orders.v1 (orders are created by the cart's checkout, not here).
 * The caller's own orders only; another user's order is 404.
 */
export function ordersRestRoutes(server: Server, orders: Orders): void {
  server.get(
    '/api/v1/orders',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'My orders, newest first',
        security: [{ bearerAuth: [] }],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(OrderJson),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const page = await orders.list(userOf(request), request.query);
      return { items: page.orders.map(orderJson), nextCursor: page.next ?? null };
    },
  );

  server.get(
    '/api/v1/orders/:id',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'One of my orders',
        security: [{ bearerAuth: [] }],
        params: IdParams,
        response: { 200: OrderJson },
      },
    },
    async (request) => orderJson(await orders.get(userOf(request), request.params.id)),
  );

  server.post(
    '/api/v1/orders/:id/pay',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Pay an order awaiting payment (409 from any other status)',
        security: [{ bearerAuth: [] }],
        params: IdParams,
        response: { 200: OrderJson },
      },
    },
    async (request) => orderJson(await orders.pay(userOf(request), request.params.id)),
  );

  server.post(
    '/api/v1/orders/:id/cancel',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Cancel an order awaiting payment, releasing its stock (409 from any other status)',
        security: [{ bearerAuth: [] }],
        params: IdParams,
        response: { 200: OrderJson },
      },
    },
    async (request) => orderJson(await orders.cancel(userOf(request), request.params.id)),
  );

  server.get(
    '/api/v1/stocks/:sku',
    {
      schema: {
        tags,
        summary: 'How many units of a SKU can still be ordered',
        security: [],
        params: Type.Object({ sku: SkuParam }),
        response: { 200: Type.Object({ sku: SkuParam, available: Type.Integer({ minimum: 0 }) }) },
      },
    },
    async (request) => orders.stock(request.params.sku),
  );
}

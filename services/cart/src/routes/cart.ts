import { MoneyJson, SkuParam } from '@cinesync/contracts/store';
import { requireUser } from '@cinesync/kit/auth';
import { callerFromRequest } from '@cinesync/kit/grpc';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { Cart } from '../cart.js';

const CartJson = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        sku: SkuParam,
        name: Type.String(),
        count: Type.Integer({ minimum: 1 }),
        price: MoneyJson,
      }),
    ),
    total: MoneyJson,
  },
  { title: 'Cart' },
);

const tags = ['store'];
const signedIn = { onRequest: requireUser };
const security = [{ bearerAuth: [] }];
const NoContent = { 204: Type.Null({ description: 'Done' }) };

/** The public REST face of cart.v1, for the signed-in user's own cart. */
export function cartRestRoutes(server: Server, cart: Cart, budgetMs: number): void {
  server.get(
    '/api/v1/cart',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'My cart, with names and prices from the product service and the total',
        security,
        response: { 200: CartJson },
      },
    },
    (request, reply) => cart.list(callerFromRequest(request, reply, budgetMs)),
  );

  server.post(
    '/api/v1/cart/items',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Add count of a product (404 for an unknown SKU)',
        security,
        body: Type.Object({
          sku: SkuParam,
          // Same limits as cart.v1.AddItemRequest's rules.
          count: Type.Integer({ minimum: 1, maximum: 1000 }),
        }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      const { sku, count } = request.body;
      await cart.add(callerFromRequest(request, reply, budgetMs), sku, count);
      return reply.code(204).send(null);
    },
  );

  server.delete(
    '/api/v1/cart/items/:sku',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Remove a product from my cart, whatever its count',
        security,
        params: Type.Object({ sku: SkuParam }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await cart.remove(callerFromRequest(request, reply, budgetMs), request.params.sku);
      return reply.code(204).send(null);
    },
  );

  server.delete(
    '/api/v1/cart',
    {
      ...signedIn,
      schema: { tags, summary: 'Empty my cart', security, response: NoContent },
    },
    async (request, reply) => {
      await cart.clear(callerFromRequest(request, reply, budgetMs));
      return reply.code(204).send(null);
    },
  );

  server.post(
    '/api/v1/cart/checkout',
    {
      ...signedIn,
      schema: {
        tags,
        summary:
          'Order what is in my cart; the cart is emptied once the order exists (409 when empty or stock is short)',
        security,
        response: { 201: Type.Object({ orderId: Type.String({ format: 'uuid' }) }) },
      },
    },
    async (request, reply) => {
      const orderId = await cart.checkout(callerFromRequest(request, reply, budgetMs));
      return reply.code(201).send({ orderId });
    },
  );
}

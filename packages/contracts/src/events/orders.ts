import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

const OrderStatus = Type.Union([
  Type.Literal('new'),
  Type.Literal('awaiting_payment'),
  Type.Literal('paid'),
  Type.Literal('cancelled'),
  Type.Literal('failed'),
]);

const Money = Type.Object({
  /** Minor units: 1299 is 12.99. */
  amount: Type.Integer({ minimum: 0 }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
});

/**
 * An order moved to another status (its creation is the move from null to `new`). Key: the order
 * id, so consumers see one order's changes exactly in the order they happened; the orders service
 * writes each through its outbox in the transaction that made the change.
 */
export const OrderStatusChangedV1 = Type.Object(
  {
    version: Type.Literal(1),
    orderId: Type.String({ format: 'uuid' }),
    userId: Type.String({ minLength: 1 }),
    status: OrderStatus,
    previousStatus: Type.Union([OrderStatus, Type.Null()]),
    items: Type.Array(
      Type.Object({
        sku: Type.Integer({ minimum: 1 }),
        name: Type.String(),
        count: Type.Integer({ minimum: 1 }),
        /** Price of one. */
        price: Money,
      }),
    ),
    total: Money,
    occurredAt: Type.String({ format: 'date-time' }),
  },
  { title: 'orders.order.status_changed v1' },
);
export type OrderStatusChangedV1 = Static<typeof OrderStatusChangedV1>;

export const orderStatusChanged = defineEvent(
  'orders.order.status_changed',
  1,
  OrderStatusChangedV1,
);

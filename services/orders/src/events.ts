import { type OrderStatusChangedV1, orderStatusChanged } from '@cinesync/contracts';
import type { Tx } from '@cinesync/kit/db';
import { enqueue } from '@cinesync/kit/outbox';
import { context, propagation } from '@opentelemetry/api';
import type { Order } from './orders.js';
import type { OrderStatus } from './status.js';

export function statusChangedPayload(
  order: Order,
  previousStatus: OrderStatus | null,
  at: Date,
): OrderStatusChangedV1 {
  return {
    version: 1,
    orderId: order.id,
    userId: order.userId,
    status: order.status,
    previousStatus,
    items: order.items.map(({ sku, name, count, price }) => ({ sku, name, count, price })),
    total: order.total,
    occurredAt: at.toISOString(),
  };
}

/**
 * Records the change in the outbox inside the transaction that made it, keyed by order id: it is
 * published if and only if the change commits, and one order's changes reach consumers in order.
 * The trace context goes along so a consumer's work joins the checkout's trace.
 */
export async function recordStatusChange(
  tx: Tx,
  order: Order,
  previousStatus: OrderStatus | null,
  at: Date,
): Promise<void> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  await enqueue(tx, {
    subject: orderStatusChanged.subject,
    key: order.id,
    payload: statusChangedPayload(order, previousStatus, at),
    headers,
  });
}

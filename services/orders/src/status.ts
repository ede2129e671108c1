import { conflict } from '@cinesync/kit/http';

export const ORDER_STATUSES = ['new', 'awaiting_payment', 'paid', 'cancelled', 'failed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * new → awaiting_payment (stock reserved) → paid | cancelled (by the user or the payment
 * timeout); new → failed (stock short). paid, cancelled and failed are final.
 */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['awaiting_payment', 'failed'],
  awaiting_payment: ['paid', 'cancelled'],
  paid: [],
  cancelled: [],
  failed: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

const words = (status: OrderStatus) => status.replace('_', ' ');

/** Refuses an illegal move with 409 / FAILED_PRECONDITION, saying why in the caller's terms. */
export function assertMove(from: OrderStatus, to: OrderStatus): void {
  if (canMove(from, to)) return;
  const allowedFrom = ORDER_STATUSES.filter((status) => NEXT[status].includes(to));
  const hint =
    allowedFrom.length > 0
      ? `; only an order that is ${allowedFrom.map(words).join(' or ')} can`
      : ' and cannot';
  throw conflict(
    `The order is ${words(from)}${hint} become ${words(to)}.`,
    'order_status_conflict',
  );
}

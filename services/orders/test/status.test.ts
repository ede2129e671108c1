import { AppError } from '@cinesync/kit/http';
import { describe, expect, it } from 'vitest';
import { assertMove, canMove, isFinal, ORDER_STATUSES, type OrderStatus } from '../src/status.js';

const LEGAL: [OrderStatus, OrderStatus][] = [
  ['new', 'awaiting_payment'],
  ['new', 'failed'],
  ['awaiting_payment', 'paid'],
  ['awaiting_payment', 'cancelled'],
];

describe('order status machine', () => {
  it('allows exactly new → awaiting_payment | failed and awaiting_payment → paid | cancelled', () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const legal = LEGAL.some(([f, t]) => f === from && t === to);
        expect(canMove(from, to), `${from} → ${to}`).toBe(legal);
      }
    }
  });

  it('treats paid, cancelled and failed as final', () => {
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(['paid', 'cancelled', 'failed']);
  });

  it('refuses an illegal move with a 409 that says what would be allowed', () => {
    expect(() => assertMove('awaiting_payment', 'paid')).not.toThrow();
    try {
      assertMove('cancelled', 'paid');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.status).toBe(409);
      expect(appError.code).toBe('order_status_conflict');
      expect(appError.message).toBe(
        'The order is cancelled; only an order that is awaiting payment can become paid.',
      );
    }
    expect(() => assertMove('paid', 'new')).toThrow(/cannot become new/);
  });
});

import { PollingWorker } from '@cinesync/kit/worker';
import type { Orders } from './orders.js';

export interface PaymentTimeoutOptions {
  orders: Orders;
  /** Orders unpaid for longer than this are cancelled. */
  timeoutMs: number;
  /** Time between sweeps. */
  intervalMs: number;
  /** Most orders cancelled per sweep; a full sweep is followed by another at once. */
  batchSize?: number;
  /** Same clock as the orders', so tests can move time forward. */
  clock?: () => Date;
  log: {
    info(fields: object, message: string): void;
    error(fields: object, message: string): void;
  };
}

export interface PaymentTimeoutJob {
  /** One sweep now; resolves with how many orders it cancelled. */
  runOnce(): Promise<number>;
  /** Waits for a sweep in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Cancels unpaid orders in the background, inside the service process (no separate daemon).
 * Every replica runs it; `Orders.cancelExpired` locks each order with SKIP LOCKED and re-checks
 * its status, so replicas share the work and never cancel (or release stock) twice.
 */
export function startPaymentTimeout(options: PaymentTimeoutOptions): PaymentTimeoutJob {
  const batchSize = options.batchSize ?? 100;
  const clock = options.clock ?? (() => new Date());

  const cancelBatch = (): Promise<number> =>
    options.orders.cancelExpired(new Date(clock().getTime() - options.timeoutMs), batchSize);

  // Each batch is a round of its own: a full one asks for the next at once, and stop() lands
  // between batches rather than after a whole sweep.
  const worker = new PollingWorker({
    name: 'payment timeout sweep',
    poll: async () => {
      const cancelled = await cancelBatch();
      if (cancelled > 0) options.log.info({ cancelled }, 'unpaid orders cancelled');
      return cancelled >= batchSize;
    },
    intervalMs: options.intervalMs,
    initialDelayMs: options.intervalMs,
    log: options.log,
  });
  worker.start();

  return {
    async runOnce() {
      let total = 0;
      for (;;) {
        const cancelled = await cancelBatch();
        total += cancelled;
        if (cancelled < batchSize) return total;
      }
    },
    stop: () => worker.stop(),
  };
}

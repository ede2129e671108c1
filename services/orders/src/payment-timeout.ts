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
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | undefined;

  const runOnce = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const cutoff = new Date(clock().getTime() - options.timeoutMs);
      const cancelled = await options.orders.cancelExpired(cutoff, batchSize);
      total += cancelled;
      if (cancelled < batchSize || !running) return total;
    }
  };

  const tick = async (): Promise<void> => {
    sweeping = runOnce();
    try {
      const cancelled = await sweeping;
      if (cancelled > 0) options.log.info({ cancelled }, 'unpaid orders cancelled');
    } catch (err) {
      options.log.error({ err }, 'payment timeout sweep failed');
    } finally {
      sweeping = undefined;
      if (running) schedule();
    }
  };
  const schedule = (): void => {
    timer = setTimeout(() => void tick(), options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    async stop() {
      running = false;
      clearTimeout(timer);
      await sweeping?.catch(() => 0);
    },
  };
}

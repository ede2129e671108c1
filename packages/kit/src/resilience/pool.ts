/**
 * Bounded concurrency. Guarantees of mapConcurrent(items, limit, fn, { signal }):
 *
 * 1. Order: the result array is in input order (results[i] belongs to items[i]),
 *    whatever order the calls complete in.
 * 2. Bound: at most `limit` calls of fn are in flight at any moment; items start in
 *    input order as slots free up.
 * 3. Fail fast: the first rejection of fn wins. The signal handed to every fn aborts
 *    (its reason is that first error), no further item is started, and the call rejects
 *    with that first error; later errors are dropped.
 * 4. Cancellation: aborting the caller's `signal` does the same, rejecting with the
 *    signal's reason. An already aborted signal starts nothing.
 * 5. No leaks: the returned promise settles only after every started call of fn has
 *    settled, so when it rejects no work of this call is still running (a fn that
 *    ignores its signal delays the rejection until it finishes).
 *
 * Pool is the long-lived variant: a bulkhead shared by independent callers (e.g. all
 * requests calling one downstream), running at most `limit` tasks at once in FIFO order.
 */
import { abortReason } from './errors.js';

export interface MapConcurrentOptions {
  signal?: AbortSignal;
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency limit must be an integer >= 1, got ${limit}`);
  }
}

export function mapConcurrent<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T, signal: AbortSignal, index: number) => Promise<R>,
  options: MapConcurrentOptions = {},
): Promise<R[]> {
  assertLimit(limit);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const list = Array.from(items);
  const results = new Array<R>(list.length);
  const controller = new AbortController();

  return new Promise<R[]>((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    let firstError: unknown;

    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      firstError = err;
      controller.abort(err);
    };
    const onOuterAbort = (): void => fail(signal ? abortReason(signal) : new Error('aborted'));
    signal?.addEventListener('abort', onOuterAbort, { once: true });

    const settleIfDone = (): void => {
      if (running > 0) return;
      if (!failed && next < list.length) return;
      signal?.removeEventListener('abort', onOuterAbort);
      if (failed) reject(firstError);
      else resolve(results);
    };

    const launch = (): void => {
      while (!failed && running < limit && next < list.length) {
        const index = next++;
        running++;
        // Wrapping in a promise turns a synchronous throw of fn into a rejection.
        new Promise<R>((res) => res(fn(list[index] as T, controller.signal, index)))
          .then((value) => {
            results[index] = value;
          }, fail)
          .finally(() => {
            running--;
            launch();
            settleIfDone();
          });
      }
    };

    launch();
    settleIfDone();
  });
}

interface Waiter {
  start: () => void;
}

export class Pool {
  private running = 0;
  private readonly queue: Waiter[] = [];
  readonly limit: number;

  constructor(limit: number) {
    assertLimit(limit);
    this.limit = limit;
  }

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Runs fn once a slot is free. If `signal` aborts while the task still waits, it leaves
   * the queue and rejects with the signal's reason without ever running.
   */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal ? abortReason(signal) : new Error('aborted'));
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    const waiter = this.queue.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (waiter) waiter.start();
    else this.running--;
  }
}

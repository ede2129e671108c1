import type { Limiter } from '@cinesync/kit/limiter';
import { sleep } from '@cinesync/kit/resilience';
import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';

export interface RateLimitOptions {
  /** Bucket key; every replica using the same key (and limiter prefix) shares one budget. */
  key: string;
  /** Told how long a call waits for its token (metrics, tests). */
  onWait?: (ms: number) => void;
}

/**
 * Client interceptor capping how many calls start per unit of time (not how many run at once):
 * each call takes a token from a token bucket before it goes out. The bucket lives in the kit
 * limiter, in Redis when REDIS_URL is set (one atomic Lua script on Redis time), so every cart
 * replica draws from the same budget.
 *
 * Over budget, a call waits for its token rather than failing: it sleeps for the time the bucket
 * says the next token needs, then tries again (another waiter, here or in another replica, may
 * have taken it). The wait ends with the call's own deadline or cancellation (its signal), and
 * then the call fails with DEADLINE_EXCEEDED / CANCELED without having been sent.
 */
export function rateLimitInterceptor(limiter: Limiter, options: RateLimitOptions): Interceptor {
  return (next) => async (request) => {
    for (;;) {
      const { allowed, retryAfterMs } = await limiter.take(options.key);
      if (allowed) return next(request);
      // A little jitter so waiters woken for the same token do not all ask at the same instant.
      const wait = retryAfterMs + Math.floor(Math.random() * 5);
      options.onWait?.(wait);
      try {
        await sleep(wait, request.signal);
      } catch {
        const reason: unknown = request.signal.reason;
        if (reason instanceof ConnectError) throw reason;
        throw new ConnectError(
          'Gave up waiting for the product call budget (PRODUCT_RPS).',
          Code.DeadlineExceeded,
        );
      }
    }
  };
}

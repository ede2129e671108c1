import type { BucketConfig, TakeResult } from './types.js';

/**
 * Why a token bucket rather than a sliding window: it is two numbers per key (tokens and
 * the time they were counted), its check is O(1), it allows a burst up to `capacity` and
 * then a steady `refillPerSec`, which is what API clients expect, and its Retry-After is
 * exact. The same arithmetic runs in memory here and in Lua inside Redis (bucket-script.ts).
 */
export interface BucketState {
  tokens: number;
  /** Clock reading (ms) the tokens were counted at. */
  at: number;
}

export function checkConfig({ capacity, refillPerSec }: BucketConfig): void {
  if (!(Number.isFinite(capacity) && capacity > 0)) {
    throw new RangeError(`limiter capacity must be > 0, got ${capacity}`);
  }
  if (!(Number.isFinite(refillPerSec) && refillPerSec > 0)) {
    throw new RangeError(`limiter refillPerSec must be > 0, got ${refillPerSec}`);
  }
}

export function checkCost(cost: number, capacity: number): void {
  if (!(Number.isFinite(cost) && cost >= 0 && cost <= capacity)) {
    throw new RangeError(`limiter cost must be within [0, ${capacity}], got ${cost}`);
  }
}

/** Takes cost from state (mutating it) at time now; a missing state is a full bucket. */
export function takeTokens(
  state: BucketState | undefined,
  now: number,
  cost: number,
  { capacity, refillPerSec }: BucketConfig,
): { state: BucketState; result: TakeResult } {
  const next: BucketState = state ?? { tokens: capacity, at: now };
  // A clock that went backwards adds nothing rather than taking tokens away.
  if (now > next.at) {
    next.tokens = Math.min(capacity, next.tokens + ((now - next.at) * refillPerSec) / 1000);
    next.at = now;
  }
  const allowed = next.tokens >= cost;
  if (allowed) next.tokens -= cost;
  const msPerToken = 1000 / refillPerSec;
  return {
    state: next,
    result: {
      allowed,
      limit: capacity,
      remaining: Math.floor(next.tokens),
      resetMs: Math.ceil((capacity - next.tokens) * msPerToken),
      retryAfterMs: allowed ? 0 : Math.ceil((cost - next.tokens) * msPerToken),
    },
  };
}

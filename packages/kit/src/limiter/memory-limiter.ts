import { LRUCache } from 'lru-cache';
import { type BucketState, checkConfig, checkCost, takeTokens } from './token-bucket.js';
import type { BucketConfig, Limiter, TakeResult } from './types.js';

export interface MemoryLimiterOptions extends BucketConfig {
  /** Most keys tracked at once (default 100 000); see the class comment. */
  maxKeys?: number;
  /** Monotonic clock in ms; tests inject one. */
  now?: () => number;
}

/**
 * One process's buckets. Each entry expires once its bucket would be full again (a missing
 * bucket is a full one, so nothing is lost), and the map never holds more than maxKeys:
 * under a flood of distinct keys the least recently used bucket is dropped early, which
 * at worst hands that key a fresh burst.
 */
export class MemoryLimiter implements Limiter {
  private readonly buckets: LRUCache<string, BucketState>;
  private readonly config: BucketConfig;
  private readonly now: () => number;

  constructor(options: MemoryLimiterOptions) {
    checkConfig(options);
    this.config = { capacity: options.capacity, refillPerSec: options.refillPerSec };
    this.now = options.now ?? (() => performance.now());
    const clock = this.now;
    this.buckets = new LRUCache<string, BucketState>({
      max: options.maxKeys ?? 100_000,
      // TTLs run on the same clock as the refill arithmetic.
      perf: { now: clock },
    });
  }

  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, cost = 1): Promise<TakeResult> {
    checkCost(cost, this.config.capacity);
    const { state, result } = takeTokens(this.buckets.get(key), this.now(), cost, this.config);
    if (result.resetMs > 0) this.buckets.set(key, state, { ttl: result.resetMs });
    else this.buckets.delete(key);
    return result;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

import { type BucketState, checkConfig, checkCost, takeTokens } from './token-bucket.js';
import type { BucketConfig, Limiter, TakeResult } from './types.js';

export interface MemoryLimiterOptions extends BucketConfig {
  /** Most keys tracked at once (default 100 000); see the class comment. */
  maxKeys?: number;
  /** Monotonic clock in ms; tests inject one. */
  now?: () => number;
}

interface Entry {
  state: BucketState;
  /** Clock reading at which the bucket is full again; after it the entry carries nothing. */
  fullAt: number;
}

/**
 * One process's buckets in a Map kept in least-recently-used order (a touched key is moved to
 * the end). A bucket that is full again is forgotten (a missing bucket is a full one, so nothing
 * is lost), and the map never holds more than maxKeys: under a flood of distinct keys the least
 * recently used bucket is dropped early, which at worst hands that key a fresh burst. Each take
 * is O(1) amortized; an LRU cache with per-entry TTL timers cost ~10 µs per gateway request.
 */
export class MemoryLimiter implements Limiter {
  private readonly buckets = new Map<string, Entry>();
  private readonly config: BucketConfig;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryLimiterOptions) {
    checkConfig(options);
    this.config = { capacity: options.capacity, refillPerSec: options.refillPerSec };
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, cost = 1): Promise<TakeResult> {
    checkCost(cost, this.config.capacity);
    const now = this.now();
    const entry = this.buckets.get(key);
    if (entry !== undefined) this.buckets.delete(key);
    const { state, result } = takeTokens(entry?.state, now, cost, this.config);
    if (result.resetMs > 0) this.buckets.set(key, { state, fullAt: now + result.resetMs });
    this.forget(now);
    return result;
  }

  /** Drops, least recently used first, buckets beyond maxKeys and buckets full again. */
  private forget(now: number): void {
    for (const [key, entry] of this.buckets) {
      if (this.buckets.size <= this.maxKeys && entry.fullAt > now) return;
      this.buckets.delete(key);
    }
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

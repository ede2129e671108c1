import type { WarnLogger } from '../cache/index.js';
import { MemoryLimiter } from './memory-limiter.js';
import { type FailMode, RedisLimiter } from './redis-limiter.js';
import type { BucketConfig, Limiter } from './types.js';

export interface OpenLimiterOptions extends BucketConfig {
  /** REDIS_URL: one node or several comma-separated; unset or empty → in-memory buckets. */
  url?: string | undefined;
  /** Namespace of the buckets, e.g. `identity:login`. */
  prefix: string;
  /** What to do while Redis is unreachable; default 'open' (see FailMode). */
  failMode?: FailMode;
  logger?: WarnLogger;
  /** Bound of the in-memory limiter (default 100 000 keys). */
  maxKeys?: number;
}

export function openLimiter(options: OpenLimiterOptions): Limiter {
  if (!options.prefix) throw new Error('limiter prefix is required');
  const { capacity, refillPerSec } = options;
  if (!options.url) return new MemoryLimiter({ capacity, refillPerSec, maxKeys: options.maxKeys });
  return new RedisLimiter({
    url: options.url,
    prefix: options.prefix,
    capacity,
    refillPerSec,
    failMode: options.failMode,
    logger: options.logger,
  });
}

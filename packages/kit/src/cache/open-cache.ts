import { MemoryCache } from './memory-cache.js';
import { RedisCache } from './redis-cache.js';
import type { Cache, WarnLogger } from './types.js';

export interface OpenCacheOptions {
  /** REDIS_URL: one node or several comma-separated; unset or empty → in-memory cache. */
  url?: string | undefined;
  /** The service's key namespace in Redis. */
  prefix: string;
  /** Bound of the in-memory cache (default 10 000 entries). */
  maxEntries?: number;
  /** Where Redis failures are reported (pino Logger fits). */
  logger?: WarnLogger;
}

export function openCache(options: OpenCacheOptions): Cache {
  if (!options.prefix) throw new Error('cache prefix is required');
  if (!options.url) return new MemoryCache(options.maxEntries);
  return new RedisCache({ url: options.url, prefix: options.prefix, logger: options.logger });
}

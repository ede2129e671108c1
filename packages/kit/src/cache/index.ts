export { DEFAULT_VNODES, HashRing, hash32 } from './hash-ring.js';
export { DEFAULT_MAX_ENTRIES, MemoryCache } from './memory-cache.js';
export { type OpenCacheOptions, openCache } from './open-cache.js';
export { RedisCache, type RedisCacheOptions } from './redis-cache.js';
export {
  parseRedisUrls,
  type RedisNode,
  ShardedRedis,
  type ShardedRedisOptions,
} from './sharded-redis.js';
export type { Cache, CacheEngine, WarnLogger } from './types.js';

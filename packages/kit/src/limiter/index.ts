export { BUCKET_SCRIPT } from './bucket-script.js';
export { MemoryLimiter, type MemoryLimiterOptions } from './memory-limiter.js';
export { type OpenLimiterOptions, openLimiter } from './open-limiter.js';
export { type FailMode, RedisLimiter, type RedisLimiterOptions } from './redis-limiter.js';
export { type BucketState, takeTokens } from './token-bucket.js';
export type { BucketConfig, Limiter, TakeResult } from './types.js';

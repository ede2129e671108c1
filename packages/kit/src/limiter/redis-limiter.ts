import type { Redis } from 'ioredis';
import { ShardedRedis, type WarnLogger } from '../cache/index.js';
import { BUCKET_SCRIPT, BUCKET_SCRIPT_SHA } from './bucket-script.js';
import { checkConfig, checkCost } from './token-bucket.js';
import type { BucketConfig, Limiter, TakeResult } from './types.js';

/**
 * What take() answers while the key's Redis node is unreachable.
 * - 'open' (default): allow. The limiter guards against abuse and overload; a Redis outage
 *   should not turn into a full outage of every rate-limited endpoint for every honest user.
 * - 'closed': refuse (retry after a second). For endpoints where unlimited attempts are
 *   worse than none, e.g. password or OTP checks open to brute force.
 */
export type FailMode = 'open' | 'closed';

export interface RedisLimiterOptions extends BucketConfig {
  /** REDIS_URL: one node or several comma-separated. */
  url: string;
  /** Namespace of the buckets, e.g. `identity:login`. */
  prefix: string;
  failMode?: FailMode;
  logger?: WarnLogger;
}

const CLOSED_RETRY_MS = 1_000;

function isNoScript(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('NOSCRIPT');
}

/** EVALSHA keeps the script off the wire; EVAL (which also caches it) after a restart or flush. */
async function evalBucket(client: Redis, key: string, args: string[]): Promise<unknown> {
  try {
    return await client.evalsha(BUCKET_SCRIPT_SHA, 1, key, ...args);
  } catch (err) {
    if (!isNoScript(err)) throw err;
    return client.eval(BUCKET_SCRIPT, 1, key, ...args);
  }
}

function toResult(reply: unknown, capacity: number): TakeResult {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((n) => typeof n === 'number')) {
    throw new Error(`unexpected limiter script reply: ${JSON.stringify(reply)}`);
  }
  const [allowed, remaining, resetMs, retryAfterMs] = reply as number[];
  return {
    allowed: allowed === 1,
    limit: capacity,
    remaining: remaining ?? 0,
    resetMs: resetMs ?? 0,
    retryAfterMs: retryAfterMs ?? 0,
  };
}

/** Buckets in Redis, spread over the nodes by the cache's HashRing; replicas share them. */
export class RedisLimiter implements Limiter {
  readonly redis: ShardedRedis;
  private readonly config: BucketConfig;
  private readonly prefix: string;
  private readonly failMode: FailMode;

  constructor(options: RedisLimiterOptions) {
    checkConfig(options);
    if (!options.prefix) throw new Error('limiter prefix is required');
    this.config = { capacity: options.capacity, refillPerSec: options.refillPerSec };
    this.prefix = `${options.prefix}:`;
    this.failMode = options.failMode ?? 'open';
    this.redis = new ShardedRedis({ url: options.url, logger: options.logger });
  }

  keyOf(key: string): string {
    return this.prefix + key;
  }

  async take(key: string, cost = 1): Promise<TakeResult> {
    const { capacity, refillPerSec } = this.config;
    checkCost(cost, capacity);
    const full = this.keyOf(key);
    const args = [String(capacity), String(refillPerSec), String(cost)];
    try {
      const reply = await this.redis.run('limiter.take', full, (c) => evalBucket(c, full, args));
      return toResult(reply, capacity);
    } catch {
      // Already counted and logged by ShardedRedis.run.
      return this.degraded(cost);
    }
  }

  private degraded(cost: number): TakeResult {
    const { capacity } = this.config;
    if (this.failMode === 'open') {
      return {
        allowed: true,
        limit: capacity,
        remaining: capacity - cost,
        resetMs: 0,
        retryAfterMs: 0,
      };
    }
    return {
      allowed: false,
      limit: capacity,
      remaining: 0,
      resetMs: CLOSED_RETRY_MS,
      retryAfterMs: CLOSED_RETRY_MS,
    };
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}

import { BaseCache } from './base-cache.js';
import { ShardedRedis, type ShardedRedisOptions } from './sharded-redis.js';

export interface RedisCacheOptions extends ShardedRedisOptions {
  /** Namespace of this service's keys, e.g. `catalog`; keys are stored as `<prefix>:<key>`. */
  prefix: string;
}

/**
 * A cache must never take the service down: it only makes things faster. So every Redis
 * failure is counted and logged (throttled), and then a failed read is a miss (the caller
 * loads from the source of truth), a failed write or delete is dropped (the entry's TTL
 * bounds how long a stale value can live). Only ping() reports the failure, for /readyz.
 */
export class RedisCache extends BaseCache {
  readonly engine = 'redis' as const;
  readonly redis: ShardedRedis;
  private readonly prefix: string;

  constructor(options: RedisCacheOptions) {
    super();
    if (!options.prefix) throw new Error('cache prefix is required');
    this.prefix = `${options.prefix}:`;
    this.redis = new ShardedRedis(options);
  }

  /** The stored key; also what the ring hashes, so each service spreads its own keys. */
  keyOf(key: string): string {
    return this.prefix + key;
  }

  // ShardedRedis.run has already counted and logged the error; here it only becomes a miss.
  protected async read(key: string): Promise<string | undefined> {
    const full = this.keyOf(key);
    try {
      return (await this.redis.run('cache.get', full, (c) => c.get(full))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  protected async write(key: string, json: string, ttlMs: number): Promise<void> {
    const full = this.keyOf(key);
    try {
      await this.redis.run('cache.set', full, (c) => c.set(full, json, 'PX', ttlMs));
    } catch {
      // Dropped on purpose: the next read misses and reloads from the source of truth.
    }
  }

  async del(key: string): Promise<void> {
    const full = this.keyOf(key);
    try {
      await this.redis.run('cache.del', full, (c) => c.del(full));
    } catch {
      // Dropped on purpose: the entry's TTL bounds how long the stale value lives.
    }
  }

  protected override onCorrupt(err: unknown): void {
    this.redis.reportError('cache.parse', 'n/a', err);
  }

  ping(): Promise<void> {
    return this.redis.ping();
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}

export type CacheEngine = 'memory' | 'redis';

/**
 * A look-aside cache. Values go through JSON: what comes back is plain data (a Date comes
 * back as its ISO string, class instances as plain objects) and every read is a fresh copy,
 * so callers can never mutate what another caller sees. `undefined` is not cacheable: it is
 * what a miss looks like.
 */
export interface Cache {
  readonly engine: CacheEngine;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * Cache-aside: returns the cached value, or runs load, stores its result for ttlMs and
   * returns it. Concurrent calls for the same key in this process share one get + load
   * (single-flight), so a hot key that expires costs the origin one load, not one per
   * request. A load error reaches every waiting caller and nothing is cached.
   */
  getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T>;
  /** Rejects when the backing store is unreachable; for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The slice of a pino Logger the cache and limiter need, so tests can pass a fake. */
export interface WarnLogger {
  warn(obj: object, msg: string): void;
}

import { LRUCache } from 'lru-cache';
import { BaseCache } from './base-cache.js';

export const DEFAULT_MAX_ENTRIES = 10_000;

/** One process's cache: an LRU bounded by entry count, each entry with its own TTL. */
export class MemoryCache extends BaseCache {
  readonly engine = 'memory' as const;
  private readonly lru: LRUCache<string, string>;

  constructor(maxEntries = DEFAULT_MAX_ENTRIES) {
    super();
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('cache maxEntries must be an integer >= 1');
    }
    this.lru = new LRUCache<string, string>({ max: maxEntries });
  }

  get size(): number {
    return this.lru.size;
  }

  protected async read(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  protected async write(key: string, json: string, ttlMs: number): Promise<void> {
    this.lru.set(key, json, { ttl: ttlMs });
  }

  async del(key: string): Promise<void> {
    this.lru.delete(key);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.lru.clear();
  }
}

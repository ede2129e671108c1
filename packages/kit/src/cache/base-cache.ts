import { SingleFlight } from './single-flight.js';
import type { Cache, CacheEngine } from './types.js';

function checkTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`cache ttlMs must be a positive number, got ${ttlMs}`);
  }
  return Math.ceil(ttlMs);
}

function serialise(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('cannot cache undefined (a miss looks like that)');
  return json;
}

/**
 * The engine-independent part: JSON, TTL checks and single-flight. Engines store strings.
 * Flights share the serialised text and each caller parses its own copy, so a miss returns
 * the same shape as a hit and no two callers hold the same object.
 */
export abstract class BaseCache implements Cache {
  abstract readonly engine: CacheEngine;
  private readonly flights = new SingleFlight<string | undefined>();

  protected abstract read(key: string): Promise<string | undefined>;
  protected abstract write(key: string, json: string, ttlMs: number): Promise<void>;
  abstract del(key: string): Promise<void>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  async get<T>(key: string): Promise<T | undefined> {
    return this.parse<T>(await this.read(key));
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    await this.write(key, serialise(value), checkTtl(ttlMs));
  }

  async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const ttl = checkTtl(ttlMs);
    const json = await this.flights.run(key, async () => {
      const hit = await this.read(key);
      if (hit !== undefined && this.parse(hit) !== undefined) return hit;
      const value = await load();
      const fresh = JSON.stringify(value);
      if (fresh !== undefined) await this.write(key, fresh, ttl);
      return fresh;
    });
    // Only a load that returned undefined (uncacheable) leaves no text; T then includes it.
    return (json === undefined ? undefined : JSON.parse(json)) as T;
  }

  /** Text that is not JSON (written by something else, or truncated) counts as a miss. */
  protected parse<T>(json: string | undefined): T | undefined {
    if (json === undefined) return undefined;
    try {
      return JSON.parse(json) as T;
    } catch (err) {
      this.onCorrupt(err);
      return undefined;
    }
  }

  protected onCorrupt(_err: unknown): void {}
}

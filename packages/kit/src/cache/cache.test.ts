import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MemoryCache } from './memory-cache.js';
import { openCache } from './open-cache.js';
import { RedisCache } from './redis-cache.js';
import {
  deleteByPrefix,
  directClients,
  keysByNode,
  quitAll,
  uniquePrefix,
} from './testing-redis.js';
import type { Cache } from './types.js';

const REDIS_URL = process.env.REDIS_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The behaviour every implementation must share. */
function contract(makeCache: () => Cache): void {
  let cache: Cache;
  afterEach(async () => {
    await cache?.close();
  });

  it('round-trips JSON values and misses unknown keys', async () => {
    cache = makeCache();
    expect(await cache.get('nope')).toBeUndefined();
    await cache.set('movie:1', { title: 'Alien', year: 1979, tags: ['sf'] }, 10_000);
    expect(await cache.get('movie:1')).toEqual({ title: 'Alien', year: 1979, tags: ['sf'] });
    await cache.set('zero', 0, 10_000);
    await cache.set('null', null, 10_000);
    expect(await cache.get('zero')).toBe(0);
    expect(await cache.get('null')).toBeNull();
  });

  it('returns plain JSON data: a fresh copy per read, dates as strings', async () => {
    cache = makeCache();
    const when = new Date('2024-01-02T03:04:05.000Z');
    await cache.set('k', { when, list: [1] }, 10_000);
    const a = await cache.get<{ when: string; list: number[] }>('k');
    a?.list.push(2);
    expect(await cache.get('k')).toEqual({ when: when.toISOString(), list: [1] });
  });

  it('del removes a key', async () => {
    cache = makeCache();
    await cache.set('k', 'v', 10_000);
    await cache.del('k');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('expires entries after their TTL', async () => {
    cache = makeCache();
    await cache.set('short', 'v', 40);
    await cache.set('long', 'v', 10_000);
    await sleep(120);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('long')).toBe('v');
  });

  it('rejects bad TTLs and undefined values as programming errors', async () => {
    cache = makeCache();
    await expect(cache.set('k', 1, 0)).rejects.toThrow(RangeError);
    await expect(cache.set('k', undefined, 1000)).rejects.toThrow(TypeError);
  });

  it('getOrLoad: concurrent misses of one key share a single load', async () => {
    cache = makeCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await sleep(20);
      return { id: 7, at: new Date(0) };
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.getOrLoad('hot', 10_000, load)),
    );
    expect(loads).toBe(1);
    // A miss returns the same JSON shape a hit does, and every caller its own copy.
    expect(results[0]).toEqual({ id: 7, at: new Date(0).toISOString() });
    expect(results[0]).not.toBe(results[1]);
    expect(await cache.getOrLoad('hot', 10_000, load)).toEqual(results[0]);
    expect(loads).toBe(1);
  });

  it('getOrLoad: different keys load independently', async () => {
    cache = makeCache();
    const loaded: string[] = [];
    await Promise.all(
      ['a', 'b', 'a', 'c'].map((k) =>
        cache.getOrLoad(k, 10_000, async () => {
          loaded.push(k);
          return k.toUpperCase();
        }),
      ),
    );
    expect(loaded.sort()).toEqual(['a', 'b', 'c']);
    expect(await cache.get('b')).toBe('B');
  });

  it('getOrLoad: a failed load reaches every waiter, is not cached, and is retried', async () => {
    cache = makeCache();
    let loads = 0;
    const failing = async (): Promise<string> => {
      loads++;
      await sleep(10);
      throw new Error('origin down');
    };
    const all = await Promise.allSettled([
      cache.getOrLoad('k', 10_000, failing),
      cache.getOrLoad('k', 10_000, failing),
    ]);
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(loads).toBe(1);
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.getOrLoad('k', 10_000, async () => 'ok')).toBe('ok');
  });

  it('ping resolves when the store is up', async () => {
    cache = makeCache();
    await expect(cache.ping()).resolves.toBeUndefined();
  });
}

describe('memory cache', () => {
  contract(() => openCache({ prefix: 'test' }));

  it('is chosen when no URL is set', async () => {
    const cache = openCache({ prefix: 'test', url: '' });
    expect(cache.engine).toBe('memory');
    await cache.close();
  });

  it('stays within maxEntries, evicting the least recently used', async () => {
    const cache = new MemoryCache(2);
    await cache.set('a', 1, 10_000);
    await cache.set('b', 2, 10_000);
    await cache.get('a');
    await cache.set('c', 3, 10_000);
    expect(cache.size).toBe(2);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
  });
});

describe('redis cache when the node is down (no server needed)', () => {
  it('degrades: get misses, set/del are dropped, getOrLoad loads, ping rejects', async () => {
    const warnings: object[] = [];
    // Port 1 on loopback refuses connections: a node that is down.
    const cache = openCache({
      url: 'redis://127.0.0.1:1',
      prefix: 'down',
      logger: { warn: (obj) => warnings.push(obj) },
    });
    expect(cache.engine).toBe('redis');
    try {
      expect(await cache.get('k')).toBeUndefined();
      await expect(cache.set('k', 'v', 1000)).resolves.toBeUndefined();
      await expect(cache.del('k')).resolves.toBeUndefined();
      expect(await cache.getOrLoad('k', 1000, async () => 'from origin')).toBe('from origin');
      await expect(cache.ping()).rejects.toThrow('127.0.0.1:1');
      expect(cache instanceof RedisCache && cache.redis.errorCount).toBeGreaterThanOrEqual(4);
      // Throttled: an outage yields one warning per interval, not one per failed command.
      expect(warnings.length).toBe(1);
    } finally {
      await cache.close();
    }
  });
});

describe.skipIf(!REDIS_URL)('redis cache (skipped unless REDIS_URL is set)', () => {
  const url = REDIS_URL ?? '';
  const prefix = uniquePrefix('cache');
  const nodes = REDIS_URL ? directClients(url) : [];

  afterAll(async () => {
    await deleteByPrefix(nodes, prefix);
    await quitAll(nodes);
  });

  let n = 0;
  // Each test gets its own prefix below the run's prefix, so cleanup finds all of them.
  contract(() => openCache({ url, prefix: `${prefix}:${n++}` }));

  it('keeps services apart by prefix', async () => {
    const a = openCache({ url, prefix: `${prefix}:svc-a` });
    const b = openCache({ url, prefix: `${prefix}:svc-b` });
    try {
      await a.set('same', 'from a', 10_000);
      expect(await b.get('same')).toBeUndefined();
      expect(await a.get('same')).toBe('from a');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.skipIf(nodes.length < 2)(
    'spreads keys over every node, each on the node the ring names (skipped with one node)',
    async () => {
      const cache = new RedisCache({ url, prefix: `${prefix}:spread` });
      try {
        const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
        await Promise.all(keys.map((k) => cache.set(k, k, 60_000)));
        const stored = await keysByNode(nodes, `${prefix}:spread:`);
        let total = 0;
        for (const { id } of nodes) {
          const onNode = stored.get(id) ?? [];
          expect(onNode.length).toBeGreaterThan(0);
          for (const key of onNode) expect(cache.redis.nodeFor(key).id).toBe(id);
          total += onNode.length;
        }
        expect(total).toBe(keys.length);
      } finally {
        await cache.close();
      }
    },
  );
});

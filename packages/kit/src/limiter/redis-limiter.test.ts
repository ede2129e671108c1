import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteByPrefix,
  directClients,
  keysByNode,
  quitAll,
  uniquePrefix,
} from '../cache/testing-redis.js';
import { openLimiter } from './open-limiter.js';
import { RedisLimiter } from './redis-limiter.js';

const REDIS_URL = process.env.REDIS_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('redis limiter when the node is down (no server needed)', () => {
  const url = 'redis://127.0.0.1:1';

  it('fails open by default', async () => {
    const limiter = openLimiter({ url, prefix: 'down', capacity: 5, refillPerSec: 1 });
    try {
      expect(await limiter.take('k')).toMatchObject({ allowed: true, limit: 5, remaining: 4 });
    } finally {
      await limiter.close();
    }
  });

  it('fails closed when asked to', async () => {
    const limiter = openLimiter({
      url,
      prefix: 'down',
      capacity: 5,
      refillPerSec: 1,
      failMode: 'closed',
    });
    try {
      const result = await limiter.take('k');
      expect(result.allowed).toBe(false);
      expect(result.retryAfterMs).toBeGreaterThan(0);
    } finally {
      await limiter.close();
    }
  });
});

describe.skipIf(!REDIS_URL)('redis limiter (skipped unless REDIS_URL is set)', () => {
  const url = REDIS_URL ?? '';
  const prefix = uniquePrefix('limiter');
  const nodes = REDIS_URL ? directClients(url) : [];
  const open: RedisLimiter[] = [];
  function limiter(sub: string, capacity: number, refillPerSec: number): RedisLimiter {
    const made = new RedisLimiter({ url, prefix: `${prefix}:${sub}`, capacity, refillPerSec });
    open.push(made);
    return made;
  }

  afterAll(async () => {
    await Promise.all(open.map((l) => l.close()));
    await deleteByPrefix(nodes, prefix);
    await quitAll(nodes);
  });

  it('allows `capacity`, then refuses with a sensible retryAfter', async () => {
    const l = limiter('burst', 3, 1);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await l.take('user:1'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    const refused = results[3];
    expect(refused?.retryAfterMs).toBeGreaterThan(0);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(refused?.resetMs).toBeLessThanOrEqual(3000);
  });

  it('refills over time (server clock)', async () => {
    const l = limiter('refill', 2, 20);
    await l.take('k', 2);
    const refused = await l.take('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(50);
    await sleep(refused.retryAfterMs + 30);
    expect((await l.take('k')).allowed).toBe(true);
  });

  it('two replicas share one budget: exactly `capacity` of many concurrent takes pass', async () => {
    // Practically no refill during the test, so the count is exact.
    const capacity = 10;
    const a = limiter('shared', capacity, 0.001);
    const b = limiter('shared', capacity, 0.001);
    const keys = ['k1', 'k2', 'k3', 'k4'];
    const attempts = keys.flatMap((key) =>
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).take(key)),
    );
    const results = await Promise.all(attempts);
    for (const [i, key] of keys.entries()) {
      const forKey = results.slice(i * 30, (i + 1) * 30);
      expect(forKey.filter((r) => r.allowed).length, key).toBe(capacity);
      for (const r of forKey.filter((x) => !x.allowed)) expect(r.retryAfterMs).toBeGreaterThan(0);
    }
  });

  it('falls back to EVAL when the server has lost the script (NOSCRIPT)', async () => {
    const l = limiter('noscript', 5, 1);
    await l.take('k');
    const owner = l.redis.nodeFor(l.keyOf('k'));
    await owner.client.script('FLUSH');
    expect(await l.take('k')).toMatchObject({ allowed: true, remaining: 3 });
    expect(l.redis.errorCount).toBe(0);
  });

  it.skipIf(nodes.length < 2)(
    'spreads buckets over every node (skipped with one node)',
    async () => {
      const l = limiter('spread', 5, 1);
      await Promise.all(Array.from({ length: 100 }, (_, i) => l.take(`k${i}`)));
      const stored = await keysByNode(nodes, `${prefix}:spread:`);
      for (const { id } of nodes) {
        const onNode = stored.get(id) ?? [];
        expect(onNode.length).toBeGreaterThan(0);
        for (const key of onNode) expect(l.redis.nodeFor(key).id).toBe(id);
      }
      expect([...stored.values()].flat().length).toBe(100);
    },
  );
});

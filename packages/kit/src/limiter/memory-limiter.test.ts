import { describe, expect, it } from 'vitest';
import { MemoryLimiter } from './memory-limiter.js';
import { openLimiter } from './open-limiter.js';

function clocked(capacity: number, refillPerSec: number, maxKeys?: number) {
  let now = 10_000;
  const limiter = new MemoryLimiter({ capacity, refillPerSec, maxKeys, now: () => now });
  return {
    limiter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('memory limiter (token bucket)', () => {
  it('is chosen when no URL is set', () => {
    const limiter = openLimiter({ prefix: 't', capacity: 1, refillPerSec: 1 });
    expect(limiter).toBeInstanceOf(MemoryLimiter);
  });

  it('allows a burst of `capacity`, then refuses with a sensible retryAfter', async () => {
    const { limiter } = clocked(3, 2);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.take('ip:1'));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[0]).toMatchObject({ limit: 3, retryAfterMs: 0, resetMs: 500 });
    // 2 tokens/s: the next token is 500 ms away; a full bucket 1500 ms.
    expect(results[3]).toMatchObject({ allowed: false, retryAfterMs: 500, resetMs: 1500 });
  });

  it('refills over time, never above capacity', async () => {
    const { limiter, advance } = clocked(3, 2);
    for (let i = 0; i < 3; i++) await limiter.take('k');
    advance(499);
    expect((await limiter.take('k')).allowed).toBe(false);
    advance(1);
    expect((await limiter.take('k')).allowed).toBe(true);
    advance(60_000);
    const after = await limiter.take('k');
    expect(after).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('a refused take costs nothing', async () => {
    const { limiter, advance } = clocked(2, 1);
    await limiter.take('k', 2);
    for (let i = 0; i < 5; i++) await limiter.take('k');
    advance(1000);
    expect((await limiter.take('k')).allowed).toBe(true);
  });

  it('charges `cost` tokens and reports retryAfter for the whole cost', async () => {
    const { limiter } = clocked(10, 1);
    expect(await limiter.take('k', 7)).toMatchObject({ allowed: true, remaining: 3 });
    expect(await limiter.take('k', 5)).toMatchObject({ allowed: false, retryAfterMs: 2000 });
    await expect(limiter.take('k', 11)).rejects.toThrow(RangeError);
    await expect(limiter.take('k', -1)).rejects.toThrow(RangeError);
  });

  it('keeps keys apart', async () => {
    const { limiter } = clocked(1, 1);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
  });

  it('stays within maxKeys and forgets buckets once they are full again', async () => {
    const { limiter, advance } = clocked(1, 10, 2);
    await limiter.take('a');
    await limiter.take('b');
    await limiter.take('c');
    expect(limiter.size).toBe(2);
    advance(100);
    // Full again: expired entries read as a full bucket.
    expect((await limiter.take('c')).allowed).toBe(true);
  });

  it('rejects a bad configuration', () => {
    expect(() => new MemoryLimiter({ capacity: 0, refillPerSec: 1 })).toThrow(RangeError);
    expect(() => new MemoryLimiter({ capacity: 1, refillPerSec: 0 })).toThrow(RangeError);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, retry } from './retry.js';

describe('backoffMs (full jitter)', () => {
  it('draws from [0, min(max, base * 2^n))', () => {
    expect(backoffMs(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(backoffMs(20, 100, 10_000, () => 0.5)).toBe(5000);
    expect(backoffMs(5, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('retry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries until fn succeeds and passes the attempt number', async () => {
    const seen: number[] = [];
    const result = retry(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw new Error(`fail ${attempt}`);
        return 'ok';
      },
      { attempts: 5, baseMs: 10, maxMs: 100 },
    );
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after `attempts` and rejects with the last error', async () => {
    let calls = 0;
    const result = retry(
      async () => {
        calls++;
        throw new Error(`fail ${calls}`);
      },
      { attempts: 3, baseMs: 10, maxMs: 100 },
    );
    const assertion = expect(result).rejects.toThrow('fail 3');
    await vi.runAllTimersAsync();
    await assertion;
    expect(calls).toBe(3);
  });

  it('does not retry errors retryOn rejects', async () => {
    const fn = vi.fn(async () => {
      throw new TypeError('bad input');
    });
    const result = retry(fn, {
      attempts: 5,
      baseMs: 10,
      maxMs: 100,
      retryOn: (err) => !(err instanceof TypeError),
    });
    await expect(result).rejects.toBeInstanceOf(TypeError);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('waits the jittered backoff between tries, growing exponentially', async () => {
    const calls: number[] = [];
    const result = retry(
      async () => {
        calls.push(Date.now());
        throw new Error('down');
      },
      { attempts: 4, baseMs: 100, maxMs: 250, random: () => 0.5 },
    );
    const assertion = expect(result).rejects.toThrow('down');
    await vi.runAllTimersAsync();
    await assertion;
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? 0));
    // 0.5 * min(250, 100 * 2^n) for n = 0, 1, 2
    expect(gaps).toEqual([50, 100, 125]);
  });

  it('stops during a backoff when the signal aborts', async () => {
    const controller = new AbortController();
    const fn = vi.fn(async () => {
      throw new Error('down');
    });
    const result = retry(fn, {
      attempts: 10,
      baseMs: 1000,
      maxMs: 1000,
      random: () => 0.9,
      signal: controller.signal,
    });
    const reason = new Error('shutting down');
    const assertion = expect(result).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await assertion;
    expect(fn).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

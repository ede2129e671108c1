import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError } from './errors.js';
import { withTimeout } from './timeout.js';

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves with the value when fn finishes in time', async () => {
    const result = withTimeout(async () => 42, 100);
    await expect(result).resolves.toBe(42);
  });

  it('passes fn errors through unchanged', async () => {
    const boom = new Error('boom');
    await expect(withTimeout(() => Promise.reject(boom), 100)).rejects.toBe(boom);
  });

  it('rejects with TimeoutError and aborts the signal it passed down', async () => {
    let seen: AbortSignal | undefined;
    const result = withTimeout((signal) => {
      seen = signal;
      return new Promise<never>(() => {});
    }, 50);
    const assertion = expect(result).rejects.toBeInstanceOf(TimeoutError);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await assertion;
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TimeoutError);
    await expect(result).rejects.toMatchObject({ code: 'TIMEOUT', timeoutMs: 50 });
  });

  it('follows the caller signal: aborting it aborts fn and rejects with its reason', async () => {
    const outer = new AbortController();
    let seen: AbortSignal | undefined;
    const result = withTimeout(
      (signal) => {
        seen = signal;
        return new Promise<never>(() => {});
      },
      1000,
      outer.signal,
    );
    const reason = new Error('client went away');
    outer.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(seen?.aborted).toBe(true);
  });

  it('does not call fn when the caller signal is already aborted', async () => {
    const fn = vi.fn(async () => 1);
    await expect(withTimeout(fn, 10, AbortSignal.abort())).rejects.toThrow();
    expect(fn).not.toHaveBeenCalled();
  });

  it('clears its timer after success (no abort afterwards)', async () => {
    let seen: AbortSignal | undefined;
    await withTimeout(async (signal) => {
      seen = signal;
      return 'ok';
    }, 20);
    await vi.advanceTimersByTimeAsync(100);
    expect(seen?.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

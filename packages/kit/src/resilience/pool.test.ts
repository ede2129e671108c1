import { describe, expect, it } from 'vitest';
import { mapConcurrent, Pool } from './pool.js';
import { sleep } from './sleep.js';

/** A promise the test settles by hand, to control completion order exactly. */
function deferred<T>() {
  let resolve: (v: T) => void = () => {};
  let reject: (e: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('mapConcurrent', () => {
  it('returns results in input order whatever the completion order', async () => {
    const delays = [30, 5, 20, 1, 10];
    const out = await mapConcurrent(delays, 3, async (ms, _signal, i) => {
      await sleep(ms);
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
  });

  it('never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const items = Array.from({ length: 20 }, (_, i) => i);
    await mapConcurrent(items, 4, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(i % 3);
      inFlight--;
      return i;
    });
    expect(peak).toBe(4);
  });

  it('handles empty input and a limit above the item count', async () => {
    await expect(mapConcurrent([], 3, async () => 1)).resolves.toEqual([]);
    await expect(mapConcurrent([1, 2], 10, async (x) => x * 2)).resolves.toEqual([2, 4]);
  });

  it('rejects invalid limits', () => {
    expect(() => mapConcurrent([1], 0, async () => 1)).toThrow(RangeError);
    expect(() => mapConcurrent([1], 1.5, async () => 1)).toThrow(RangeError);
  });

  it('first error: aborts in-flight work, starts no new item, rejects after in-flight settle', async () => {
    const gates = Array.from({ length: 6 }, () => deferred<number>());
    const started: number[] = [];
    const signals: AbortSignal[] = [];
    let settledInFlight = 0;
    const boom = new Error('item 1 failed');
    let done = false;
    const result = mapConcurrent([0, 1, 2, 3, 4, 5], 2, async (i, signal) => {
      started.push(i);
      signals.push(signal);
      try {
        return await gates[i]?.promise;
      } finally {
        settledInFlight++;
      }
    }).finally(() => {
      done = true;
    });
    const assertion = expect(result).rejects.toBe(boom);
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]?.reject(boom);
    await tick();
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBe(boom);
    // Item 0 is still running, so the call has not settled yet.
    expect(done).toBe(false);
    gates[0]?.reject(new Error('aborted, second error is dropped'));
    await assertion;
    expect(started).toEqual([0, 1]);
    expect(settledInFlight).toBe(2);
  });

  it('a synchronous throw in fn counts as that item failing', async () => {
    const boom = new Error('sync');
    const result = mapConcurrent([1, 2, 3], 1, (x) => {
      if (x === 2) throw boom;
      return Promise.resolve(x);
    });
    await expect(result).rejects.toBe(boom);
  });

  it('external cancellation aborts the work and rejects with the signal reason', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const result = mapConcurrent(
      [1, 2, 3, 4, 5],
      2,
      (i, signal) => {
        started.push(i);
        return new Promise<number>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      },
      { signal: controller.signal },
    );
    await tick();
    const reason = new Error('request cancelled');
    controller.abort(reason);
    await expect(result).rejects.toBe(reason);
    expect(started).toEqual([1, 2]);
  });

  it('starts nothing when the signal is already aborted', async () => {
    let calls = 0;
    const result = mapConcurrent(
      [1, 2],
      2,
      async () => {
        calls++;
        return 1;
      },
      { signal: AbortSignal.abort() },
    );
    await expect(result).rejects.toThrow();
    expect(calls).toBe(0);
  });
});

describe('Pool', () => {
  it('runs at most `limit` tasks at once, in FIFO order', async () => {
    const pool = new Pool(2);
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    const order: number[] = [];
    const runs = gates.map((gate, i) =>
      pool.run(async () => {
        order.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect(pool.active).toBe(2);
    expect(pool.pending).toBe(1);
    gates[1]?.resolve();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(pool.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const pool = new Pool(1);
    await expect(pool.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(pool.run(async () => 'next')).resolves.toBe('next');
    expect(pool.active).toBe(0);
  });

  it('a queued task whose signal aborts leaves the queue and never runs', async () => {
    const pool = new Pool(1);
    const gate = deferred<void>();
    const first = pool.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const queued = pool.run(async () => {
      ran = true;
    }, controller.signal);
    expect(pool.pending).toBe(1);
    controller.abort(new Error('gave up'));
    await expect(queued).rejects.toThrow('gave up');
    expect(pool.pending).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(pool.active).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollingWorker } from './polling-worker.js';

const INTERVAL = 1000;

/** Lets pending promise callbacks run without moving the fake clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

/** A poll that counts its calls and how many ran at once, and can be held open by a gate. */
function probe(result: () => Promise<boolean> = async () => false) {
  const state = { calls: 0, active: 0, maxActive: 0 };
  let gate: Promise<void> | undefined;
  let open = () => {};
  return {
    state,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = undefined;
      open();
    },
    poll: async () => {
      state.calls++;
      state.active++;
      state.maxActive = Math.max(state.maxActive, state.active);
      try {
        await gate;
        return await result();
      } finally {
        state.active--;
      }
    },
  };
}

function recordingLog() {
  const lines: { fields: object; message: string }[] = [];
  return {
    lines,
    error(fields: object, message: string) {
      lines.push({ fields, message });
    },
  };
}

describe('PollingWorker', () => {
  let worker: PollingWorker | undefined;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    const stopping = worker?.stop();
    await vi.runOnlyPendingTimersAsync();
    await stopping;
    worker = undefined;
    vi.useRealTimers();
  });

  it('runs a round at start, then one per interval', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: INTERVAL });
    worker.start();
    await flush();
    expect(p.state.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(p.state.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state.calls).toBe(2);
  });

  it('start() twice runs one loop', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: INTERVAL });
    worker.start();
    worker.start();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(p.state.calls).toBe(2);
  });

  it('waits initialDelayMs before the first round', async () => {
    const p = probe();
    worker = new PollingWorker({
      name: 'test round',
      poll: p.poll,
      intervalMs: INTERVAL,
      initialDelayMs: 5000,
    });
    worker.start();
    await vi.advanceTimersByTimeAsync(4999);
    expect(p.state.calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state.calls).toBe(1);
  });

  it('notify() wakes an idle worker at once', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: 600_000 });
    worker.start();
    await flush();
    expect(p.state.calls).toBe(1);
    worker.notify();
    await flush();
    expect(p.state.calls).toBe(2);
  });

  it('a round that reports more work is followed by another without waiting', async () => {
    let left = 3;
    const p = probe(async () => --left > 0);
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: 600_000 });
    worker.start();
    await flush();
    expect(p.state.calls).toBe(3);
  });

  it('never runs two rounds at once; notifies during a round run one more after it', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: INTERVAL });
    p.hold();
    worker.start();
    await flush();
    for (let i = 0; i < 5; i++) worker.notify();
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    expect(p.state.calls).toBe(1);
    p.release();
    await flush();
    expect(p.state.calls).toBe(2);
    expect(p.state.maxActive).toBe(1);
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(p.state.calls).toBe(2);
  });

  it('stop() waits for the round in flight and starts no other', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: INTERVAL });
    p.hold();
    worker.start();
    await flush();
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    worker.notify();
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    expect(stopped).toBe(false);
    p.release();
    await stopping;
    await vi.advanceTimersByTimeAsync(10 * INTERVAL);
    expect(p.state.calls).toBe(1);
  });

  it('stop() while idle resolves at once', async () => {
    const p = probe();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: 600_000 });
    worker.start();
    await flush();
    await worker.stop();
    worker.notify();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(p.state.calls).toBe(1);
  });

  it('a round that throws is logged and tried again at the next poll', async () => {
    let fail = true;
    const p = probe(async () => {
      if (fail) throw new Error('database unavailable');
      return false;
    });
    const log = recordingLog();
    worker = new PollingWorker({ name: 'test round', poll: p.poll, intervalMs: INTERVAL, log });
    worker.start();
    await flush();
    expect(p.state.calls).toBe(1);
    expect(log.lines).toEqual([
      { fields: { err: new Error('database unavailable') }, message: 'test round failed' },
    ]);
    fail = false;
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(p.state.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state.calls).toBe(2);
    expect(log.lines).toHaveLength(1);
  });
});

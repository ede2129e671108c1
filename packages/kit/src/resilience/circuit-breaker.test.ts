import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from './circuit-breaker.js';
import { CircuitOpenError } from './errors.js';

function setup(extra: { halfOpenMax?: number; isFailure?: (err: unknown) => boolean } = {}) {
  let now = 1_000;
  const changes: string[] = [];
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    resetTimeoutMs: 5_000,
    now: () => now,
    onStateChange: (to: CircuitState, from: CircuitState) => changes.push(`${from}->${to}`),
    ...extra,
  });
  return {
    breaker,
    changes,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const fail = () => Promise.reject(new Error('down'));
const ok = () => Promise.resolve('ok');

async function failTimes(breaker: CircuitBreaker, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await expect(breaker.execute(fail)).rejects.toThrow('down');
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold; a success resets the count', async () => {
    const { breaker } = setup();
    await failTimes(breaker, 2);
    await breaker.execute(ok);
    await failTimes(breaker, 2);
    expect(breaker.state).toBe('closed');
  });

  it('opens after failureThreshold consecutive failures and then fails fast without calling', async () => {
    const { breaker, changes } = setup();
    await failTimes(breaker, 3);
    expect(breaker.state).toBe('open');
    let called = false;
    const attempt = breaker.execute(async () => {
      called = true;
      return 1;
    });
    await expect(attempt).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(attempt).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 5_000 });
    expect(called).toBe(false);
    expect(changes).toEqual(['closed->open']);
  });

  it('goes half-open after resetTimeoutMs; a successful probe closes it', async () => {
    const { breaker, changes, advance } = setup();
    await failTimes(breaker, 3);
    advance(4_999);
    expect(breaker.state).toBe('open');
    advance(1);
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);
  });

  it('a failed probe reopens it for another resetTimeoutMs', async () => {
    const { breaker, advance } = setup();
    await failTimes(breaker, 3);
    advance(5_000);
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    advance(4_000);
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    advance(1_000);
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('lets only halfOpenMax probes through at once', async () => {
    const { breaker, advance } = setup({ halfOpenMax: 1 });
    await failTimes(breaker, 3);
    advance(5_000);
    let release: (v: string) => void = () => {};
    const probe = breaker.execute(
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release('probe done');
    await expect(probe).resolves.toBe('probe done');
    expect(breaker.state).toBe('closed');
  });

  it('errors isFailure rejects reach the caller but do not count', async () => {
    class NotFound extends Error {}
    const { breaker } = setup({ isFailure: (err) => !(err instanceof NotFound) });
    for (let i = 0; i < 5; i++) {
      await expect(breaker.execute(() => Promise.reject(new NotFound()))).rejects.toBeInstanceOf(
        NotFound,
      );
    }
    expect(breaker.state).toBe('closed');
  });

  it('ignores a late result from a call started before the state changed', async () => {
    const { breaker, advance } = setup();
    let releaseSlow: (v: string) => void = () => {};
    const slow = breaker.execute(
      () =>
        new Promise<string>((resolve) => {
          releaseSlow = resolve;
        }),
    );
    await failTimes(breaker, 3);
    advance(5_000);
    expect(breaker.state).toBe('half-open');
    releaseSlow('late');
    await slow;
    // The slow success began while closed, so it is no evidence for the half-open probe.
    expect(breaker.state).toBe('half-open');
  });
});

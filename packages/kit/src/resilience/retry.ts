import { abortReason } from './errors.js';
import { sleep } from './sleep.js';

export interface RetryOptions {
  /** Total tries including the first one (>= 1). */
  attempts: number;
  /** Backoff ceiling before the first retry; doubles on each further retry. */
  baseMs: number;
  /** Cap of a single backoff. */
  maxMs: number;
  /** Whether err is worth another try; default: every error. Return false for caller mistakes. */
  retryOn?: (err: unknown) => boolean;
  /** Stops retrying (and any pending backoff) at once; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Source of randomness in [0, 1); tests pass a fixed one. */
  random?: () => number;
}

/**
 * Backoff before retry number `retry` (0-based): "full jitter", a uniform draw from
 * [0, min(maxMs, baseMs * 2^retry)). Spreading retries over the whole window keeps many
 * clients that failed together from hammering a recovering dependency in lock-step.
 */
export function backoffMs(
  retry: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Calls fn until it resolves, retryOn says no, or `attempts` are used up; then rejects
 * with the last error as is (not wrapped), so callers keep matching on their own types.
 * fn gets the 1-based attempt number.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { attempts, baseMs, maxMs, retryOn = () => true, signal, random } = options;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`retry attempts must be an integer >= 1, got ${attempts}`);
  }
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || signal?.aborted || !retryOn(err)) throw err;
    }
    await sleep(backoffMs(attempt - 1, baseMs, maxMs, random), signal);
  }
}

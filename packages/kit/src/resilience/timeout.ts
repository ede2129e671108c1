import { abortReason, TimeoutError } from './errors.js';

/**
 * Runs fn with a time budget. fn gets a signal that aborts when the budget runs out or
 * the caller's `signal` aborts, so it can cancel its own I/O (fetch, db query, ...).
 * On timeout the promise rejects with TimeoutError at once, without waiting for fn:
 * a caller past its deadline must not be held hostage by work that ignores the signal.
 */
export function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  ms: number,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const controller = new AbortController();

  return new Promise<T>((resolve, reject) => {
    const onOuterAbort = (): void => {
      const reason = signal ? abortReason(signal) : new Error('aborted');
      controller.abort(reason);
      finish();
      reject(reason);
    };
    const timer = setTimeout(() => {
      const err = new TimeoutError(ms);
      controller.abort(err);
      finish();
      reject(err);
    }, ms);
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onOuterAbort);
    };
    signal?.addEventListener('abort', onOuterAbort, { once: true });

    // Settling an already-settled promise is a no-op, so a late result after a timeout is dropped.
    let work: Promise<T>;
    try {
      work = fn(controller.signal);
    } catch (err) {
      finish();
      reject(err);
      return;
    }
    work.then(
      (value) => {
        finish();
        resolve(value);
      },
      (err: unknown) => {
        finish();
        reject(err);
      },
    );
  });
}

import type { SubscribeOptions } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS: readonly number[] = [100, 500, 2000, 5000];
export const DEFAULT_CONCURRENCY = 16;
/** Same default as JetStream's duplicate window. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60_000;

/** Headers the bus itself sets; consumers may read them. */
export const KEY_HEADER = 'CineSync-Key';
export const DLQ_ERROR_HEADER = 'CineSync-Dlq-Error';
export const DLQ_SUBJECT_HEADER = 'CineSync-Dlq-Subject';
export const DLQ_ID_HEADER = 'CineSync-Dlq-Id';
export const DLQ_ATTEMPTS_HEADER = 'CineSync-Dlq-Attempts';

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: readonly number[];
}

export function retryPolicy(options: SubscribeOptions): RetryPolicy {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const backoffMs = options.backoffMs?.length ? options.backoffMs : DEFAULT_BACKOFF_MS;
  return { maxAttempts, backoffMs };
}

/** Delay before the next try after `failures` failed attempts (1-based); the last value repeats. */
export function backoffDelay(backoffMs: readonly number[], failures: number): number {
  const index = Math.min(Math.max(failures - 1, 0), backoffMs.length - 1);
  return backoffMs[index] ?? 0;
}

/** Minimal logger; a pino logger fits. */
export interface BusLogger {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: BusLogger = { warn() {}, error() {} };

/**
 * Typed errors of the resilience module. Each carries a stable `code` so the http
 * module can map it to a problem+json response (e.g. 504 / 503) without string matching.
 */

/** The operation did not settle within its time budget; the work was told to stop. */
export class TimeoutError extends Error {
  readonly code = 'TIMEOUT';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, message = `operation timed out after ${timeoutMs} ms`) {
    super(message);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The circuit breaker refused the call without making it: the dependency is considered down. */
export class CircuitOpenError extends Error {
  readonly code = 'CIRCUIT_OPEN';
  /** Milliseconds until the breaker lets a probe through again (0 when half-open and busy). */
  readonly retryAfterMs: number;

  constructor(name: string, retryAfterMs: number) {
    super(`circuit ${name} is open`);
    this.name = 'CircuitOpenError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** What an aborted signal rejects with when its reason is not already an Error. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('operation aborted');
  err.name = 'AbortError';
  return err;
}

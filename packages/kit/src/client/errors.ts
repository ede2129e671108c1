/**
 * Why a call to another service gave no usable answer. Callers usually need only the two cases:
 * unavailable (try again later, or degrade) and answered wrongly (a bug on one side of the
 * contract; retrying will not help).
 */
export abstract class UpstreamError extends Error {
  /** The service called, as named in the client's options. */
  readonly service: string;

  constructor(service: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.service = service;
  }
}

/**
 * No answer: not configured, connection refused or reset, timed out, circuit open, or the
 * service said it is struggling (5xx, 408, 429). These are what the circuit breaker counts.
 */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly name = 'UpstreamUnavailableError';
  readonly code = 'UPSTREAM_UNAVAILABLE';
  /** The status when the service answered one (5xx, 408, 429). */
  readonly status: number | undefined;
  /** While the circuit is open: ms until it lets a probe through again. */
  readonly retryAfterMs: number | undefined;

  constructor(
    service: string,
    detail: string,
    options: { cause?: unknown; status?: number; retryAfterMs?: number } = {},
  ) {
    super(service, `${service} is unavailable: ${detail}`, { cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * An answer, but not one the contract allows: a 4xx other than 404, or a body that is not JSON
 * or fails the schema. It came back promptly, so the breaker does not count it.
 */
export class UpstreamAnswerError extends UpstreamError {
  override readonly name = 'UpstreamAnswerError';
  readonly code = 'UPSTREAM_BAD_ANSWER';
  readonly status: number;

  constructor(service: string, status: number, detail: string) {
    super(service, `${service} answered ${status} ${detail}`);
    this.status = status;
  }
}

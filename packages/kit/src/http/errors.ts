/** One field-level problem; `field` is a JSON pointer into the request, e.g. `/body/email`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  errors?: FieldError[];
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error the caller may see: a stable machine-readable `code`, an HTTP status and a detail
 * written for people. Anything thrown that is not an AppError becomes a 500 with no details.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

function retryAfter(seconds: number | undefined): Record<string, string> | undefined {
  return seconds === undefined
    ? undefined
    : { 'retry-after': String(Math.max(0, Math.ceil(seconds))) };
}

// Factories take an optional specific code so services can say `conflict('…', 'email_taken')`.

export const badRequest = (detail: string, code = 'bad_request') => new AppError(400, code, detail);

export const validation = (errors: FieldError[], detail = 'The request is invalid.') =>
  new AppError(400, 'validation_failed', detail, { errors });

export const unauthorized = (detail = 'Authentication is required.', code = 'unauthorized') =>
  new AppError(401, code, detail, { headers: { 'www-authenticate': 'Bearer' } });

export const forbidden = (detail = 'You are not allowed to do this.', code = 'forbidden') =>
  new AppError(403, code, detail);

export const notFound = (detail = 'Not found.', code = 'not_found') =>
  new AppError(404, code, detail);

export const conflict = (detail: string, code = 'conflict') => new AppError(409, code, detail);

export const gone = (detail: string, code = 'gone') => new AppError(410, code, detail);

export const payloadTooLarge = (detail = 'The request body is too large.') =>
  new AppError(413, 'payload_too_large', detail);

export const unprocessable = (detail: string, code = 'unprocessable') =>
  new AppError(422, code, detail);

export const tooManyRequests = (detail = 'Too many requests.', retryAfterSec?: number) =>
  new AppError(429, 'too_many_requests', detail, { headers: retryAfter(retryAfterSec) });

export const internal = (cause?: unknown) =>
  new AppError(500, 'internal', 'An unexpected error occurred.', { cause });

export const badGateway = (detail = 'An upstream service failed.', code = 'bad_gateway') =>
  new AppError(502, code, detail);

export const serviceUnavailable = (
  detail = 'The service is temporarily unavailable.',
  retryAfterSec?: number,
  code = 'service_unavailable',
) => new AppError(503, code, detail, { headers: retryAfter(retryAfterSec) });

export const upstreamTimeout = (detail = 'An upstream service did not answer in time.') =>
  new AppError(504, 'upstream_timeout', detail);

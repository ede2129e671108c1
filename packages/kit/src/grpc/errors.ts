import { Code, ConnectError } from '@connectrpc/connect';
import { AppError, isAppError, toAppError } from '../http/index.js';

/** Response metadata (a gRPC trailer) carrying the error's stable code, e.g. `film_not_found`. */
export const ERROR_CODE_HEADER = 'cinesync-error-code';

/** gRPC status for each HTTP status of the error catalogue (and the reverse below). */
const CODE_BY_STATUS: Record<number, Code> = {
  400: Code.InvalidArgument,
  401: Code.Unauthenticated,
  403: Code.PermissionDenied,
  404: Code.NotFound,
  409: Code.FailedPrecondition,
  410: Code.NotFound,
  413: Code.ResourceExhausted,
  422: Code.InvalidArgument,
  429: Code.ResourceExhausted,
  501: Code.Unimplemented,
  503: Code.Unavailable,
  504: Code.DeadlineExceeded,
};

const STATUS_BY_CODE: Partial<Record<Code, number>> = {
  [Code.Canceled]: 499,
  [Code.InvalidArgument]: 400,
  [Code.OutOfRange]: 400,
  [Code.Unauthenticated]: 401,
  [Code.PermissionDenied]: 403,
  [Code.NotFound]: 404,
  [Code.AlreadyExists]: 409,
  [Code.Aborted]: 409,
  [Code.FailedPrecondition]: 409,
  [Code.ResourceExhausted]: 429,
  [Code.Unimplemented]: 501,
  [Code.Unavailable]: 503,
  [Code.DeadlineExceeded]: 504,
};

/** A fallback stable code for a gRPC status, when the server sent none. */
const NAME_BY_CODE: Partial<Record<Code, string>> = {
  [Code.InvalidArgument]: 'bad_request',
  [Code.Unauthenticated]: 'unauthorized',
  [Code.PermissionDenied]: 'forbidden',
  [Code.NotFound]: 'not_found',
  [Code.FailedPrecondition]: 'conflict',
  [Code.ResourceExhausted]: 'too_many_requests',
  [Code.Unavailable]: 'upstream_unavailable',
  [Code.DeadlineExceeded]: 'upstream_timeout',
};

export function codeForStatus(status: number): Code {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? Code.Internal : Code.Unknown);
}

/**
 * Server side: what a handler threw, as the gRPC status the caller sees. Errors of the catalogue
 * (the kit's timeouts and open circuits included) keep their stable code and their message,
 * written for the caller. Anything else is a bare INTERNAL, so nothing internal leaks.
 */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  const appError = toAppError(error);
  const metadata = { [ERROR_CODE_HEADER]: appError.code };
  // A 500's message may say what went wrong inside; the others are written for callers.
  if (appError.status === 500) {
    return new ConnectError('The service failed.', codeForStatus(500), metadata);
  }
  const detail = appError.errors?.length
    ? `${appError.message} ${appError.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`
    : appError.message;
  return new ConnectError(detail, codeForStatus(appError.status), metadata);
}

/**
 * Client side: a failed call to another service, as an error of our catalogue. The callee's 4xx
 * answers keep their code and message (an unknown id stays a 404 `film_not_found`); its failures
 * become 502/503/504 without the callee's words, which were not meant for our caller.
 */
export function fromConnectError(error: unknown, upstream: string): AppError {
  if (isAppError(error)) return error;
  const connectError = ConnectError.from(error);
  const status = STATUS_BY_CODE[connectError.code] ?? 502;
  const code =
    connectError.metadata.get(ERROR_CODE_HEADER) ??
    NAME_BY_CODE[connectError.code] ??
    'bad_gateway';
  if (status < 500 && status !== 499) {
    return new AppError(status, code, connectError.rawMessage, { cause: error });
  }
  if (status === 504) {
    return new AppError(504, 'upstream_timeout', `${upstream} did not answer in time.`, {
      cause: error,
    });
  }
  if (status === 503 || status === 499) {
    return new AppError(503, 'upstream_unavailable', `${upstream} is unavailable.`, {
      cause: error,
      headers: { 'retry-after': '1' },
    });
  }
  return new AppError(502, 'bad_gateway', `${upstream} failed.`, { cause: error });
}

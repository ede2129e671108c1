import {
  type AppError,
  badGateway,
  payloadTooLarge,
  serviceUnavailable,
  upstreamTimeout,
} from '@cinesync/kit/http';

/** The upstream is not there: nothing was sent, so the caller may simply retry later. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
export const BODY_TOO_LARGE = 'FST_ERR_CTP_BODY_TOO_LARGE';

/** Error codes anywhere in the chain: reply-from wraps undici's error, which may be an AggregateError. */
function codesOf(error: unknown, seen = new Set<unknown>()): string[] {
  if (typeof error !== 'object' || error === null || seen.has(error)) return [];
  seen.add(error);
  const codes: string[] = [];
  if ('code' in error && typeof error.code === 'string') codes.push(error.code);
  if ('cause' in error) codes.push(...codesOf(error.cause, seen));
  if (error instanceof AggregateError) {
    for (const inner of error.errors) codes.push(...codesOf(inner, seen));
  }
  return codes;
}

/** What the caller is told when the request to `service` failed before a response came back. */
export function upstreamFailure(service: string, error: unknown): AppError {
  const codes = codesOf(error);
  if (codes.includes(BODY_TOO_LARGE)) return payloadTooLarge();
  if (codes.some((code) => TIMED_OUT.has(code))) {
    return upstreamTimeout(`The ${service} service did not answer in time.`);
  }
  if (codes.some((code) => UNREACHABLE.has(code))) {
    return serviceUnavailable(`The ${service} service is unavailable.`, 5, 'upstream_unavailable');
  }
  return badGateway(`The ${service} service failed to answer.`);
}

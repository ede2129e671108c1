import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Short and log-safe: no spaces, quotes or control characters can be smuggled into log lines. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** Keeps the caller's id (the gateway's, a client's) so one id follows a request everywhere. */
export function requestIdFrom(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_ID_HEADER } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import { propagateTraceContext } from './trace-context.js';

/**
 * Headers of the upstream request: the caller's, Authorization unchanged, plus who really called.
 * X-Forwarded-For is rebuilt rather than appended to: it keeps only the hops this gateway trusts
 * (TRUSTED_PROXIES) and the peer, so a client cannot smuggle a fake address to the services.
 */
export function upstreamHeaders(
  request: FastifyRequest,
  headers: IncomingHttpHeaders,
): IncomingHttpHeaders {
  headers[REQUEST_ID_HEADER] = request.id;
  // `ips` lists the socket peer first, then the trusted hops; the header reads client first.
  const chain = request.ips ?? [request.ip];
  headers['x-forwarded-for'] = chain.toReversed().join(', ');
  headers['x-forwarded-proto'] = request.protocol;
  headers['x-forwarded-host'] = request.host;
  delete headers.forwarded;
  delete headers['x-real-ip'];
  propagateTraceContext(headers);
  return headers;
}

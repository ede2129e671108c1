import type { IncomingMessage } from 'node:http';
import { type Server, sendProblem, serviceUnavailable } from '@cinesync/kit/http';
import replyFrom, { type FastifyReplyFromHooks } from '@fastify/reply-from';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import { limitedBody } from './body-limit.js';
import { upstreamHeaders } from './forward-headers.js';
import { upstreamFailure } from './upstream-errors.js';
import type { Upstream } from './upstreams.js';

export interface ProxyOptions {
  upstreams: readonly Upstream[];
  dispatcher: Dispatcher;
  bodyLimit: number;
}

// OPTIONS is left to @fastify/cors (preflight); HEAD comes with GET.
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Hop-by-hop: they describe the gateway↔upstream connection, not the one to the caller. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

function responseHeaders(headers: Record<string, unknown>) {
  for (const name of HOP_BY_HOP) delete headers[name];
  return headers;
}

function hooksFor(service: string, url: string): FastifyReplyFromHooks {
  return {
    getUpstream: () => url,
    rewriteRequestHeaders: (request, headers) =>
      upstreamHeaders(request as FastifyRequest, headers as IncomingMessage['headers']),
    rewriteHeaders: (headers) => responseHeaders(headers) as typeof headers,
    onError: (reply, { error }) => {
      const failure = upstreamFailure(service, error);
      reply.request.log.warn(
        { err: error, upstream: service, status: failure.status },
        'upstream failed',
      );
      sendProblem(reply as FastifyReply, failure);
    },
    // Never retried here: a 503 or a reset is the caller's to retry, with its own budget.
    retryDelay: () => null,
  };
}

/** Expected while the platform is partly deployed: answered, not thrown, so nothing logs an error. */
function notDeployed(service: string) {
  const problem = serviceUnavailable(
    `The ${service} service is not deployed.`,
    undefined,
    'service_not_deployed',
  );
  return (_request: FastifyRequest, reply: FastifyReply) => {
    sendProblem(reply, problem);
  };
}

function proxyTo(service: string, url: string) {
  const hooks = hooksFor(service, url);
  // Not async and returning nothing: reply-from answers later, on its own.
  return (_request: FastifyRequest, reply: FastifyReply) => {
    reply.from(undefined, hooks);
  };
}

/**
 * Every row of the routing table becomes Fastify routes, so the router's specificity decides
 * overlaps. Bodies stream through unparsed, and responses (event streams included) stream back.
 */
export async function registerProxy(server: Server, options: ProxyOptions): Promise<void> {
  await server.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => {
      try {
        done(null, limitedBody(payload, options.bodyLimit));
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)), undefined);
      }
    });
    await scope.register(replyFrom, { undici: options.dispatcher, disableRequestLogging: true });

    for (const upstream of options.upstreams) {
      const { service, url } = upstream;
      const handler = url === undefined ? notDeployed(service) : proxyTo(service, url);
      for (const path of upstream.paths) {
        scope.route({ method: METHODS, url: path, schema: { hide: true }, handler });
      }
    }
  });
}

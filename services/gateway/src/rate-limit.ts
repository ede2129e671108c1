import { tooManyRequests } from '@cinesync/kit/http';
import type { Limiter, TakeResult } from '@cinesync/kit/limiter';
import type { FastifyInstance } from 'fastify';

/** RateLimit-* fields of the IETF draft (httpapi-ratelimit-headers); Reset is in seconds from now. */
export function rateLimitHeaders(result: TakeResult): Record<string, string> {
  return {
    'ratelimit-limit': String(result.limit),
    'ratelimit-remaining': String(result.remaining),
    'ratelimit-reset': String(Math.ceil(result.resetMs / 1000)),
  };
}

/**
 * One token bucket per client IP (request.ip: the socket peer, or the X-Forwarded-For client when
 * the peer is a trusted proxy). Runs before token verification, so a flood of forged tokens costs
 * no signature checks. Probes and scrapes are exempt: the orchestrator must always get through.
 */
export function installRateLimit(
  server: FastifyInstance,
  limiter: Limiter,
  exemptRoutes: ReadonlySet<string>,
): void {
  server.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && exemptRoutes.has(route)) return;
    const result = await limiter.take(`ip:${request.ip}`);
    reply.headers(rateLimitHeaders(result));
    if (!result.allowed) {
      throw tooManyRequests(
        'Too many requests from this address; retry later.',
        Math.max(1, result.retryAfterMs / 1000),
      );
    }
  });
}

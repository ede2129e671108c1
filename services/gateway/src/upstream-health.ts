import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Dispatcher } from 'undici';
import type { Upstream } from './upstreams.js';

type Health = { status: 'ok' } | { status: 'fail'; error: string } | { status: 'not_deployed' };

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail'), Type.Literal('not_deployed')]),
  error: Type.Optional(Type.String()),
});

async function probe(dispatcher: Dispatcher, url: string, timeoutMs: number): Promise<Health> {
  try {
    const response = await dispatcher.request({
      origin: url,
      path: '/healthz',
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    return response.statusCode === 200
      ? { status: 'ok' }
      : { status: 'fail', error: `healthz answered ${response.statusCode}` };
  } catch (error) {
    return { status: 'fail', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Per-upstream health at `/readyz/upstreams`, always 200 with `degraded` when one fails. It is not
 * part of the gateway's own /readyz: one service being down must not take the gateway (and every
 * other service behind it) out of rotation. The kit's /readyz has no notion of optional checks.
 */
export function registerUpstreamHealth(
  server: FastifyInstance,
  options: { upstreams: readonly Upstream[]; dispatcher: Dispatcher; timeoutMs?: number },
): void {
  const timeoutMs = options.timeoutMs ?? 1_000;
  server.get(
    '/readyz/upstreams',
    {
      logLevel: 'warn',
      schema: {
        tags: ['ops'],
        summary: 'Health of each upstream service (the gateway stays ready when one is down)',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            upstreams: Type.Record(Type.String(), HealthSchema),
          }),
        },
      },
    },
    async () => {
      const entries = await Promise.all(
        options.upstreams.map(
          async ({ service, url }): Promise<[string, Health]> => [
            service,
            url === undefined
              ? { status: 'not_deployed' }
              : await probe(options.dispatcher, url, timeoutMs),
          ],
        ),
      );
      const degraded = entries.some(([, health]) => health.status === 'fail');
      return {
        status: degraded ? ('degraded' as const) : ('ok' as const),
        upstreams: Object.fromEntries(entries),
      };
    },
  );
}

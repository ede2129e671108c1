import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { withTimeout } from '../resilience/index.js';

/** A dependency check for /readyz: resolves when the dependency is usable. */
export type ReadyCheck = (signal: AbortSignal) => Promise<unknown>;

const CheckResult = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail')]),
  error: Type.Optional(Type.String()),
});

const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('fail')]),
  checks: Type.Record(Type.String(), CheckResult),
});

type Result = { status: 'ok' } | { status: 'fail'; error: string };

export function registerHealth(
  server: FastifyInstance,
  checks: Record<string, ReadyCheck>,
  timeoutMs: number,
): void {
  const probe = { logLevel: 'warn' as const };

  server.get(
    '/healthz',
    {
      ...probe,
      schema: {
        tags: ['ops'],
        summary: 'Liveness: 200 while the process runs',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  server.get(
    '/readyz',
    {
      ...probe,
      schema: {
        tags: ['ops'],
        summary: 'Readiness: 200 when every dependency answers, 503 listing those that do not',
        security: [],
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (request, reply) => {
      const entries = await Promise.all(
        Object.entries(checks).map(async ([name, check]): Promise<[string, Result]> => {
          try {
            await withTimeout(check, timeoutMs);
            return [name, { status: 'ok' }];
          } catch (error) {
            request.log.warn({ err: error, check: name }, 'readiness check failed');
            const message = error instanceof Error ? error.message : String(error);
            return [name, { status: 'fail', error: message.slice(0, 200) }];
          }
        }),
      );
      const failing = entries.some(([, result]) => result.status === 'fail');
      reply.code(failing ? 503 : 200);
      return {
        status: failing ? ('fail' as const) : ('ok' as const),
        checks: Object.fromEntries(entries),
      };
    },
  );
}

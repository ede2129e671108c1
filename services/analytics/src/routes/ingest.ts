import { ClientEventV1 } from '@cinesync/contracts';
import type { Server } from '@cinesync/kit/http';
import { tooManyRequests } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import { Type } from 'typebox';
import type { Ingestor } from '../ingest/ingest.js';
import type { IngestLimits } from '../ingest/validate.js';

export interface IngestRouteDeps {
  ingestor: Ingestor;
  limiter: Limiter;
  limits: IngestLimits;
}

export function registerIngestRoutes(server: Server, deps: IngestRouteDeps): void {
  const { maxBatch, maxEventBytes } = deps.limits;
  const body = Type.Union([
    ClientEventV1,
    Type.Object({ events: Type.Array(ClientEventV1, { minItems: 1, maxItems: maxBatch }) }),
  ]);

  server.post(
    '/api/v1/events',
    {
      config: { allowGuest: true },
      schema: {
        tags: ['events'],
        summary: 'Record clickstream events: one event, or {events: [...]}',
        description: `Guests and signed-in users; the user id comes from the token, never the body. At most ${maxBatch} events per request and ${maxEventBytes} bytes per event. All or nothing: if any event is invalid, the 400 lists every bad event index and field and none is accepted. 202 means every event is durably on the event bus. Resending events with the same ids is safe.`,
        body,
        response: { 202: Type.Object({ accepted: Type.Integer() }) },
      },
      // The schema above documents the body; the ingestor validates it, event by event, so that
      // errors name the event index and field instead of every branch of the union.
      validatorCompiler: () => () => true,
      onRequest: async (request) => {
        const take = await deps.limiter.take(`ip:${request.ip}`);
        if (!take.allowed) {
          throw tooManyRequests(
            'Too many event requests from this address; retry later.',
            take.retryAfterMs / 1000,
          );
        }
      },
    },
    async (request, reply) => {
      const result = await deps.ingestor.ingest(request.body, request.user?.id ?? null);
      return reply.code(202).send(result);
    },
  );
}

import { PassThrough } from 'node:stream';
import type { Auth, AuthUser } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { type Server, unauthorized } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { streamStart } from '../feed.js';
import type { LiveFeed } from '../live.js';
import { parseLastEventId, sseComment, sseEvent, sseRetry } from '../sse.js';
import { problems, toBody } from './schemas.js';

export interface StreamDeps {
  db: Db;
  auth: Auth;
  live: LiveFeed;
  heartbeatMs: number;
}

/** A reader this far behind is dropped rather than buffered without end; EventSource reconnects. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RECONNECT_MS = 3000;

/**
 * EventSource cannot set headers, so this route alone also takes the access token as
 * `?access_token=`. Its request logs are off (logLevel warn) so the token never reaches a log line.
 */
async function streamUser(
  request: FastifyRequest<{ Querystring: { access_token?: string } }>,
  auth: Auth,
): Promise<AuthUser> {
  if (request.user) return request.user;
  const token = request.query.access_token;
  if (!token) throw unauthorized('Send the access token as a Bearer header or ?access_token=.');
  return auth.verify(token);
}

export function streamRoutes(server: Server, deps: StreamDeps): void {
  const open = new Set<PassThrough>();
  // End live streams first on shutdown, so closing does not wait for clients that never leave.
  server.addHook('preClose', async () => {
    for (const stream of open) stream.end();
  });

  server.get(
    '/api/v1/notifications/stream',
    {
      logLevel: 'warn',
      schema: {
        tags: ['notifications'],
        summary: 'Live notifications (server-sent events)',
        description:
          'Sends `event: notification` with a Notification as JSON, its seq as the event id, and a comment line as heartbeat. After a reconnect, a `Last-Event-ID` header replays what was missed (at most 100). Authenticated by the Bearer header or, for EventSource, `?access_token=`.',
        querystring: Type.Object({ access_token: Type.Optional(Type.String({ maxLength: 8192 })) }),
        response: {
          200: {
            description: 'An endless text/event-stream',
            content: { 'text/event-stream': { schema: Type.Unknown() } },
          },
          ...problems(401),
        },
      },
    },
    async (request, reply) => {
      const user = await streamUser(request, deps.auth);
      const after = await streamStart(
        deps.db,
        user.id,
        parseLastEventId(request.headers['last-event-id']),
      );
      const stream = new PassThrough();
      open.add(stream);
      const write = (chunk: string) => {
        if (stream.destroyed || stream.writableEnded) return;
        if (stream.writableLength > MAX_BUFFERED_BYTES) stream.destroy();
        else stream.write(chunk);
      };
      write(sseRetry(RECONNECT_MS) + sseComment('connected'));
      const unfollow = deps.live.follow(user.id, after, (row) =>
        write(sseEvent(row.seq, 'notification', toBody(row))),
      );
      const heartbeat = setInterval(() => write(sseComment('heartbeat')), deps.heartbeatMs);
      const cleanup = () => {
        clearInterval(heartbeat);
        unfollow();
        open.delete(stream);
        stream.destroy();
      };
      reply.raw.once('close', cleanup);
      stream.once('close', cleanup);
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
}

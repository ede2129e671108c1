import { PassThrough } from 'node:stream';
import { requireUser } from '@cinesync/kit/auth';
import { type Server, tooManyRequests, unauthorized } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { streamAnswer } from '../answer-stream.js';
import type { Chat } from '../chat.js';
import type { InFlight } from '../in-flight.js';
import type { Provider } from '../providers/provider.js';
import {
  IdParams,
  MessageSchema,
  messageBody,
  problems,
  SessionSchema,
  sessionBody,
  Uuid,
} from './schemas.js';

export interface SessionRouteDeps {
  chat: Chat;
  provider: Provider;
  /** Per-user budget of questions and new sessions. */
  limiter: Limiter;
  inFlight: InFlight;
  maxMessageChars: number;
  clock: () => Date;
}

interface Caller {
  id: string;
  /** The caller's access token, forwarded to engagement for their bookmarks. */
  token: string;
}

function callerOf(request: FastifyRequest): Caller {
  const match = /^Bearer +(\S+)/i.exec(request.headers.authorization ?? '');
  if (!request.user || !match?.[1]) throw unauthorized();
  return { id: request.user.id, token: match[1] };
}

export function sessionRoutes(server: Server, deps: SessionRouteDeps): void {
  const { chat } = deps;
  const tags = ['assistant'];

  async function takeBudget(userId: string): Promise<void> {
    const taken = await deps.limiter.take(userId);
    if (!taken.allowed) {
      throw tooManyRequests('You are asking too fast; wait a moment.', taken.retryAfterMs / 1000);
    }
  }

  server.post(
    '/api/v1/assistant/sessions',
    {
      schema: {
        tags,
        summary: 'Start a chat session',
        body: Type.Optional(
          Type.Object(
            { title: Type.Optional(Type.String({ maxLength: 200 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 201: SessionSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await takeBudget(caller.id);
      const session = await chat.createSession(caller.id, request.body?.title);
      return reply
        .code(201)
        .header('location', `/api/v1/assistant/sessions/${session.id}`)
        .send(sessionBody(session, deps.clock()));
    },
  );

  server.get(
    '/api/v1/assistant/sessions',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "The caller's chat sessions, most recently used first",
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(SessionSchema),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            hasMore: Type.Boolean(),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (request) => {
      const page = await chat.sessions(callerOf(request).id, request.query);
      const now = deps.clock();
      return { ...page, items: page.items.map((session) => sessionBody(session, now)) };
    },
  );

  server.get(
    '/api/v1/assistant/sessions/:id',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: 'One of your chat sessions',
        params: IdParams,
        response: { 200: SessionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      sessionBody(await chat.session(callerOf(request).id, request.params.id), deps.clock()),
  );

  server.delete(
    '/api/v1/assistant/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of your chat sessions with its messages',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await chat.deleteSession(callerOf(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  server.get(
    '/api/v1/assistant/sessions/:id/messages',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: "A session's messages, oldest first: the latest page, or the one before `before`",
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          before: Type.Optional(Uuid),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(MessageSchema),
            hasMore: Type.Boolean({ description: 'Whether older messages exist' }),
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      const page = await chat.history(callerOf(request).id, request.params.id, request.query);
      return { ...page, items: page.items.map(messageBody) };
    },
  );

  server.post(
    '/api/v1/assistant/sessions/:id/messages',
    {
      schema: {
        tags,
        summary: 'Ask a question; the answer streams back as server-sent events',
        description:
          'Answers `text/event-stream` (send `Accept: text/event-stream`): `event: token` ' +
          '`{"text"}` pieces of the answer; then `event: done` `{"messageId","questionId"}`, or ' +
          '`event: error` `{"code","message","messageId"}` where messageId is the stored ' +
          'partial answer (status interrupted) or null. Errors before the stream starts ' +
          '(404, 409 answer_in_progress / session_full, 429) are problem+json.',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: deps.maxMessageChars, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The answer as a text/event-stream',
            content: { 'text/event-stream': { schema: Type.Unknown() } },
          },
          ...problems(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await takeBudget(caller.id);
      const turn = await chat.begin(caller.id, request.params.id, request.body.text);

      const stream = new PassThrough();
      const write = (chunk: string) => {
        if (!stream.destroyed && !stream.writableEnded) stream.write(chunk);
      };
      const controller = new AbortController();
      // Also fires once the response is complete; aborting a finished answer does nothing.
      reply.raw.once('close', () => controller.abort(new Error('the client went away')));
      void deps.inFlight
        .run(controller, (signal) =>
          streamAnswer(
            { chat, provider: deps.provider, logger: request.log },
            turn,
            caller,
            signal,
            write,
          ),
        )
        .catch((err: unknown) => request.log.error({ type: String(err) }, 'answer stream failed'))
        .finally(() => stream.end());
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
}

import { type Auth, installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createServer, type ReadyCheck, type Server } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { Logger } from '@cinesync/kit/log';
import { Chat } from './chat.js';
import type { AssistantConfig } from './config.js';
import { InFlight } from './in-flight.js';
import type { Provider } from './providers/provider.js';
import { sessionRoutes } from './routes/sessions.js';

export interface AppDeps {
  db: Db;
  auth: Auth;
  logger: Logger;
  provider: Provider;
  /** Per-user budget of questions and new sessions. */
  limiter: Limiter;
  config: Pick<
    AssistantConfig,
    | 'ASSISTANT_MAX_MESSAGE_CHARS'
    | 'ASSISTANT_SESSION_MAX_MESSAGES'
    | 'ASSISTANT_SESSION_MAX_TOKENS'
    | 'ASSISTANT_CONTEXT_TOKENS'
    | 'ASSISTANT_ANSWER_TIMEOUT'
  >;
  clock?: () => Date;
  version?: string;
  /** Extra /readyz checks besides the database. */
  ready?: Record<string, ReadyCheck>;
  /** How long running answers may go on once shutdown starts (default 5 s). */
  shutdownGraceMs?: number;
}

/** A crashed writer's lease outlives any answer it could still be writing. */
const LEASE_MARGIN_MS = 30_000;

/** The assistant HTTP API, not listening: startService listens, tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const { config } = deps;
  const clock = deps.clock ?? (() => new Date());
  const server = await createServer({
    service: 'assistant',
    version: deps.version,
    logger: deps.logger,
    ready: { database: () => deps.db.ping(), ...deps.ready },
    openapi: {
      title: 'assistant',
      description:
        'Film assistant chat: sessions, history, and answers streamed as server-sent events, from an OpenAI-compatible model or the built-in catalog assistant.',
    },
  });
  installAuth(server, deps.auth, { guestReadOnly: true });
  const chat = new Chat({
    db: deps.db,
    clock,
    limits: {
      sessionMaxMessages: config.ASSISTANT_SESSION_MAX_MESSAGES,
      sessionMaxTokens: config.ASSISTANT_SESSION_MAX_TOKENS,
      contextTokens: config.ASSISTANT_CONTEXT_TOKENS,
      answerLeaseMs: config.ASSISTANT_ANSWER_TIMEOUT + LEASE_MARGIN_MS,
    },
  });
  const inFlight = new InFlight();
  // Before the kit's own wait for in-flight requests: answers are streams that could run on.
  server.addHook('preClose', () => inFlight.drain(deps.shutdownGraceMs ?? 5_000));
  sessionRoutes(server, {
    chat,
    provider: deps.provider,
    limiter: deps.limiter,
    inFlight,
    maxMessageChars: config.ASSISTANT_MAX_MESSAGE_CHARS,
    clock,
  });
  return server;
}

import { createContextKey, type HandlerContext } from '@connectrpc/connect';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/index.js';
import { unauthorized } from '../http/index.js';
import { TimeoutError } from '../resilience/index.js';

/**
 * Who is calling and within what limits: what flows from an incoming request (REST or RPC) into
 * the calls it makes to other services, like Go's context. The token is forwarded so the callee
 * verifies the same user; the deadline shrinks as the request goes deeper; aborting the signal
 * (the caller went away, the deadline passed) cancels the downstream calls.
 */
export interface Caller {
  user: AuthUser | null;
  /** The bearer token the user came with; forwarded, never logged. */
  token: string | undefined;
  requestId: string | undefined;
  signal: AbortSignal;
  /** Epoch ms by which the whole request must be answered. */
  deadline: number;
}

/** Set by the RPC plugin from the verified Fastify request (see `registerRpc`). */
export const callerIdentityKey = createContextKey<{
  user: AuthUser | null;
  token: string | undefined;
  requestId: string | undefined;
}>({ user: null, token: undefined, requestId: undefined }, { description: 'caller identity' });

function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^Bearer +(\S+) *$/i.exec(value);
  return match?.[1];
}

export function identityFromRequest(request: FastifyRequest) {
  return {
    // Only a token the auth hook verified is forwarded: request.user is set exactly then.
    user: request.user,
    token: request.user ? bearer(request.headers.authorization) : undefined,
    requestId: request.id,
  };
}

/**
 * Aborts after ms with the kit's TimeoutError, which every layer maps to 504 / DEADLINE_EXCEEDED.
 * The timer goes as soon as `done` aborts (the request finished), so none outlive their request.
 */
function deadlineSignal(ms: number, done: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TimeoutError(ms, 'the request ran out of time')),
    ms,
  );
  timer.unref();
  done.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return controller.signal;
}

/** The caller of a REST request; `budgetMs` bounds everything done for it. */
export function callerFromRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  budgetMs: number,
): Caller {
  const controller = new AbortController();
  const finished = new AbortController();
  reply.raw.once('close', () => {
    // Closed before the response was written out: the client gave up, stop working for it.
    if (!reply.raw.writableFinished) controller.abort(new Error('the client went away'));
    finished.abort();
  });
  return {
    ...identityFromRequest(request),
    signal: AbortSignal.any([controller.signal, deadlineSignal(budgetMs, finished.signal)]),
    deadline: Date.now() + budgetMs,
  };
}

/** The caller of an RPC: its deadline is the client's (grpc-timeout), capped by `budgetMs`. */
export function callerFromContext(context: HandlerContext, budgetMs: number): Caller {
  const remaining = context.timeoutMs();
  const ms = remaining === undefined ? budgetMs : Math.min(remaining, budgetMs);
  return {
    ...context.values.get(callerIdentityKey),
    // The context's signal also aborts when the RPC completes, which clears the timer.
    signal: AbortSignal.any([context.signal, deadlineSignal(ms, context.signal)]),
    deadline: Date.now() + ms,
  };
}

/** The signed-in user, or UNAUTHENTICATED / 401. */
export function requireCallerUser(caller: Pick<Caller, 'user'>): AuthUser {
  if (!caller.user) throw unauthorized();
  return caller.user;
}

import type { FastifyBaseLogger } from 'fastify';
import type { Chat, Turn } from './chat.js';
import { ShuttingDownError } from './in-flight.js';
import { type Provider, ProviderError } from './providers/provider.js';

/** Server-sent events: each `data` is one line of JSON. */
export const sseEvent = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export interface AnswerDeps {
  chat: Chat;
  provider: Provider;
  /** The request's logger, so failures carry the request id. */
  logger: Pick<FastifyBaseLogger, 'warn' | 'error'>;
}

/** What is logged of a failure: kinds and codes only, never texts that could quote the user. */
function failureFields(err: unknown): Record<string, unknown> {
  const cause = err instanceof Error ? err.cause : undefined;
  const describe = (value: unknown) =>
    value instanceof Error
      ? {
          type: value.name,
          ...('code' in value && value.code !== undefined ? { code: String(value.code) } : {}),
        }
      : { type: typeof value };
  return { error: describe(err), ...(cause === undefined ? {} : { cause: describe(cause) }) };
}

function publicError(err: unknown, signal: AbortSignal): { code: string; message: string } {
  if (signal.reason instanceof ShuttingDownError) {
    return { code: 'shutting_down', message: 'The assistant is restarting; please ask again.' };
  }
  if (err instanceof ProviderError) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Something went wrong while answering.' };
}

/**
 * Streams the provider's answer to `write` as SSE (`token` events), stores it, and ends with
 * `done` {messageId, questionId} — or, if the answer fails or is cut off, with `error`
 * {code, message, messageId}: the text streamed so far is stored as an `interrupted` message
 * (messageId, or null when nothing came) so the history matches what the user saw.
 */
export async function streamAnswer(
  deps: AnswerDeps,
  turn: Turn,
  user: { id: string; token: string },
  signal: AbortSignal,
  write: (chunk: string) => void,
): Promise<void> {
  const { chat, provider, logger } = deps;
  let text = '';
  try {
    for await (const piece of provider.answer({ user, turns: turn.turns, signal })) {
      text += piece;
      write(sseEvent('token', { text: piece }));
    }
  } catch (err) {
    const failure = publicError(err, signal);
    const level = err instanceof ProviderError || signal.aborted ? 'warn' : 'error';
    logger[level](
      {
        sessionId: turn.session.id,
        provider: provider.name,
        code: failure.code,
        ...failureFields(err),
      },
      'answer failed',
    );
    const stored = await chat
      .finish(turn, { content: text, status: 'interrupted', provider: provider.name })
      .catch((storeErr: unknown) => {
        logger.error(failureFields(storeErr), 'storing an interrupted answer failed');
        return null;
      });
    write(sseEvent('error', { ...failure, messageId: stored?.id ?? null }));
    return;
  }
  try {
    const stored = await chat.finish(turn, {
      content: text,
      status: 'complete',
      provider: provider.name,
    });
    write(sseEvent('done', { messageId: stored?.id ?? null, questionId: turn.question.id }));
  } catch (err) {
    logger.error(failureFields(err), 'storing an answer failed');
    write(
      sseEvent('error', {
        code: 'internal',
        message: 'The answer could not be saved.',
        messageId: null,
      }),
    );
  }
}

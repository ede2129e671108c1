/** One earlier message of the conversation, as the provider sees it. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AnswerRequest {
  /** The user asking; `token` is their access token, forwarded to services that act for them. */
  user: { id: string; token: string };
  /** The conversation, oldest first; the last turn is the user's new question. */
  turns: readonly ChatTurn[];
  /** Aborts when the client goes away, the answer's time budget ends, or the service stops. */
  signal: AbortSignal;
}

/**
 * Something that answers a question as a stream of text pieces. The pieces joined are the answer.
 * A failure before or during the stream rejects the iteration with a ProviderError.
 */
export interface Provider {
  /** Stored with each answer: `builtin` or `openai:<model>`. */
  readonly name: string;
  answer(request: AnswerRequest): AsyncIterable<string>;
}

export type ProviderErrorCode =
  /** The model API did not connect, send headers, or send the next chunk in time. */
  | 'assistant_timeout'
  /** The model API is down, overloaded, refusing us, or its circuit is open. */
  | 'assistant_unavailable'
  /** The model API answered something we cannot use, or broke off mid-answer. */
  | 'assistant_failed'
  /** The caller went away or the service is stopping. */
  | 'cancelled';

/**
 * A provider failure with a code and a message safe to show the user. It never carries the
 * upstream's body or the user's text, because errors are logged.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: ProviderErrorCode;
  /** Whether the failure speaks against the upstream's health (counts for the circuit breaker). */
  readonly upstreamFault: boolean;

  constructor(
    code: ProviderErrorCode,
    message: string,
    options: { upstreamFault?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.upstreamFault = options.upstreamFault ?? code !== 'cancelled';
  }
}

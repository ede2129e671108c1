import { authSchema } from '@cinesync/kit/auth';
import { type ConfigOf, duration, int, optional, str, url } from '@cinesync/kit/config';

/** The assistant's own variables, parsed with the platform's (PORT, DATABASE_URL, NATS_URL, ...). */
export const assistantConfig = {
  /** Identity's key set: every session belongs to a verified user. */
  ...authSchema,

  /** Catalog base URL: film search for both providers. Unset → the assistant cannot look films up. */
  CATALOG_URL: optional(url()),
  /** Engagement base URL: the user's bookmarks. Unset → bookmarks are unavailable. */
  ENGAGEMENT_URL: optional(url()),
  /** Budget of one catalog or engagement call. */
  ASSISTANT_UPSTREAM_TIMEOUT: duration('2s'),
  /** Consecutive failures of catalog (or engagement) calls that open its circuit... */
  ASSISTANT_UPSTREAM_BREAKER_FAILURES: int({ min: 1 }, 5),
  /** ...and how long it stays open before a probe. */
  ASSISTANT_UPSTREAM_BREAKER_RESET: duration('10s'),

  /** OpenAI-compatible API base, e.g. https://api.openai.com/v1. Unset → the built-in assistant. */
  ASSISTANT_BASE_URL: optional(url()),
  /** Sent as `Authorization: Bearer`; optional for local servers that need none. */
  ASSISTANT_API_KEY: optional(str()),
  ASSISTANT_MODEL: str('gpt-4o-mini'),
  /** Budget for the TCP/TLS connection to the model API. */
  ASSISTANT_CONNECT_TIMEOUT: duration('5s'),
  /** Longest wait for the response headers and then between two streamed chunks. */
  ASSISTANT_IDLE_TIMEOUT: duration('30s'),
  /** Budget of a whole answer, every tool round included. */
  ASSISTANT_ANSWER_TIMEOUT: duration('2m'),
  /** Consecutive failed model calls that open the circuit... */
  ASSISTANT_BREAKER_FAILURES: int({ min: 1 }, 3),
  /** ...and how long it stays open before a probe. */
  ASSISTANT_BREAKER_RESET: duration('30s'),
  /** Model rounds that may call tools; the round after them must answer in text. */
  ASSISTANT_MAX_TOOL_ROUNDS: int({ min: 0, max: 10 }, 3),
  /** `max_tokens` of each model round. */
  ASSISTANT_MAX_ANSWER_TOKENS: int({ min: 16 }, 800),
  /** Approximate tokens of earlier messages sent along as context. */
  ASSISTANT_CONTEXT_TOKENS: int({ min: 0 }, 3000),

  /** Longest question, in characters. */
  ASSISTANT_MAX_MESSAGE_CHARS: int({ min: 1, max: 100_000 }, 4000),
  /** Messages (questions and answers) one session may hold; then start a new session. */
  ASSISTANT_SESSION_MAX_MESSAGES: int({ min: 2 }, 100),
  /** Approximate tokens one session may hold; then start a new session. */
  ASSISTANT_SESSION_MAX_TOKENS: int({ min: 100 }, 50_000),
  /** Questions (and new sessions) a user may send at once... */
  ASSISTANT_RATE_BURST: int({ min: 1 }, 5),
  /** ...and per minute, sustained. */
  ASSISTANT_RATE_PER_MINUTE: int({ min: 1 }, 10),

  /** Durable consumer of engagement.rating.changed; replicas sharing it share the events. */
  RATINGS_CONSUMER_NAME: str('assistant-ratings'),
} as const;

export type AssistantConfig = ConfigOf<typeof assistantConfig>;

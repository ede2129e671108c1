import { isSpanContextValid, trace } from '@opentelemetry/api';

type Sentry = typeof import('@sentry/node');

/** Set once Sentry is initialised; captureError is a no-op while it is undefined. */
let sentry: Sentry | undefined;

export interface SentryOptions {
  dsn: string;
  service: string;
  release?: string;
  env: string;
}

/**
 * Loaded lazily: @sentry/node pulls in many modules, and most runs (tests, local) have no DSN.
 * Sentry must not install its own OpenTelemetry provider, sampler or context manager: ours
 * decides what is traced, and two providers would fight over the global one.
 */
export async function initSentry(options: SentryOptions): Promise<void> {
  const module = await import('@sentry/node');
  module.init({
    dsn: options.dsn,
    release: options.release,
    environment: options.env,
    skipOpenTelemetrySetup: true,
    sendDefaultPii: false,
    initialScope: { tags: { service: options.service } },
  });
  sentry = module;
}

export type ErrorContext = Record<string, unknown>;

/**
 * Reports an unexpected error. Scalar context values become searchable tags, the rest extra
 * data; the active trace id is added so an event leads to its trace.
 */
export function captureError(error: unknown, context: ErrorContext = {}): void {
  if (!sentry) return;
  const tags: Record<string, string | number | boolean> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      tags[key] = value;
    } else {
      extra[key] = value;
    }
  }
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) tags.trace_id = spanContext.traceId;
  sentry.captureException(error, { tags, extra });
}

export async function flushSentry(timeoutMs: number): Promise<void> {
  await sentry?.close(timeoutMs);
  sentry = undefined;
}

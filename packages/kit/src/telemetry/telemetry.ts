import { context, propagation, trace } from '@opentelemetry/api';
import { flushSentry, initSentry } from './sentry.js';
import { startTracing, type Tracing } from './tracing.js';

export interface TelemetryOptions {
  service: string;
  version?: string;
  /** Deployment environment; defaults to NODE_ENV, then `development`. */
  env?: string;
  /** Defaults to OTEL_EXPORTER_OTLP_ENDPOINT. */
  otlpEndpoint?: string;
  /** Defaults to SENTRY_DSN. */
  sentryDsn?: string;
}

let started: Promise<Tracing> | undefined;

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * Sets up tracing (and Sentry when a DSN is given) once per process. When the launcher runs
 * every service in one process the first call wins and later calls return the same promise.
 * Call it before building the app so the instrumentations are in place when clients are made.
 */
export function initTelemetry(options: TelemetryOptions): Promise<void> {
  started ??= (async () => {
    const env = options.env ?? process.env.NODE_ENV ?? 'development';
    const version = options.version ?? '0.0.0';
    const tracing = startTracing({
      service: options.service,
      version,
      env,
      otlpEndpoint: blankToUndefined(
        options.otlpEndpoint ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
      ),
    });
    const dsn = blankToUndefined(options.sentryDsn ?? process.env.SENTRY_DSN);
    if (dsn) await initSentry({ dsn, service: options.service, release: version, env });
    return tracing;
  })();
  return started.then(() => undefined);
}

/** Flushes pending spans and Sentry events, then unregisters, so a later init starts afresh. */
export async function shutdownTelemetry(timeoutMs = 5_000): Promise<void> {
  const current = started;
  started = undefined;
  if (!current) return;
  const tracing = await current;
  await Promise.allSettled([tracing.shutdown(), flushSentry(timeoutMs)]);
  trace.disable();
  context.disable();
  propagation.disable();
}

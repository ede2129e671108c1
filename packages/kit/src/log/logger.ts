import { isSpanContextValid, trace } from '@opentelemetry/api';
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { redactSecrets } from './redact.js';

export type { Logger } from 'pino';
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  service: string;
  /** Defaults to LOG_LEVEL, then `info`. */
  level?: LogLevel;
  /** Deployment environment; defaults to NODE_ENV, then `development`. */
  env?: string;
  /** Where lines go; stdout unless given (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/** Ties every line to the request's trace, so logs and traces can be joined by id. */
function traceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info';
  const logger = pino(
    {
      level,
      base: { service: options.service, env: options.env ?? process.env.NODE_ENV ?? 'development' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        // Labels instead of numbers: readable by people and by log shippers without a mapping.
        level: (label) => ({ level: label }),
        // Secrets are removed from what is written, when it is written (see redact.ts).
        bindings: redactSecrets,
        log: redactSecrets,
      },
      mixin: traceFields,
    },
    options.destination,
  );
  // pino skips the bindings formatter for children; child loggers inherit from this one, so
  // redacting here covers the bindings of children at every depth.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactSecrets(bindings), childOptions);
  } as typeof child;
  return logger;
}

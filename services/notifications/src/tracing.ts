import type { Delivery } from '@cinesync/kit/bus';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('notifications');

/**
 * Runs the handling of an event in a consumer span whose parent is the trace the producer put in
 * the message headers (orders does), so a checkout's trace goes on into its notification.
 */
export function inEventSpan<T>(message: Delivery, fn: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(context.active(), message.headers);
  return tracer.startActiveSpan(
    `process ${message.subject}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.subject,
        'messaging.message.id': message.id,
        'messaging.delivery.attempt': message.attempt,
      },
    },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

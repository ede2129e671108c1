import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { propagation, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';

const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

const PROBE = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '1'.repeat(32),
  spanId: '1'.repeat(16),
  traceFlags: TraceFlags.NONE,
});

/** True once the kit's telemetry registered the W3C propagator, and with it the undici instrumentation. */
function instrumented(): boolean {
  const carrier: Record<string, string> = {};
  propagation.inject(PROBE, carrier);
  return carrier.traceparent !== undefined;
}

/** 32 hex digits, 122 of their bits random; randomUUID draws from a buffer, unlike randomBytes. */
const randomHex = () => randomUUID().replaceAll('-', '');

/**
 * Makes the upstream request carry exactly one W3C trace context. With telemetry on, the undici
 * instrumentation appends the gateway's own span (a child of the caller's trace), so the caller's
 * copy is dropped rather than sent twice. Without it, the caller's valid traceparent goes through
 * as is, and a request that has none gets a fresh one so the services' logs still share a trace id.
 */
export function propagateTraceContext(headers: IncomingHttpHeaders): void {
  if (instrumented()) {
    delete headers.traceparent;
    delete headers.tracestate;
    return;
  }
  const incoming = headers.traceparent;
  if (typeof incoming === 'string' && TRACEPARENT.test(incoming)) return;
  delete headers.tracestate;
  headers.traceparent = `00-${randomHex()}-${randomHex().slice(0, 16)}-00`;
}

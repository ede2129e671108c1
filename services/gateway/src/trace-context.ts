import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { traceHeaders } from '@cinesync/kit/telemetry';
import { propagation, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';

const TRACEPARENT = /^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

const PROBE = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '1'.repeat(32),
  spanId: '1'.repeat(16),
  traceFlags: TraceFlags.NONE,
});

/** True once the kit's telemetry registered the W3C propagator. */
function propagating(): boolean {
  const carrier: Record<string, string> = {};
  propagation.inject(PROBE, carrier);
  return carrier.traceparent !== undefined;
}

/** 32 hex digits, 122 of their bits random; randomUUID draws from a buffer, unlike randomBytes. */
const randomHex = () => randomUUID().replaceAll('-', '');

/**
 * Makes the upstream request carry exactly one W3C trace context. With telemetry on, the caller's
 * copy is dropped: the kit continued it in the gateway's request span, whose context is sent
 * instead (by the undici instrumentation while exporting, else added here). Without telemetry,
 * the caller's valid traceparent goes through as is, and a request that has none gets a fresh one
 * so the services' logs still share a trace id.
 */
export function propagateTraceContext(headers: IncomingHttpHeaders): void {
  if (propagating()) {
    delete headers.traceparent;
    delete headers.tracestate;
    Object.assign(headers, traceHeaders());
    return;
  }
  const incoming = headers.traceparent;
  if (typeof incoming === 'string' && TRACEPARENT.test(incoming)) return;
  delete headers.tracestate;
  headers.traceparent = `00-${randomHex()}-${randomHex().slice(0, 16)}-00`;
}

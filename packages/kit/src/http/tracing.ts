import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const tracer = trace.getTracer('@cinesync/kit/http');

/** Probes and scrapes every few seconds would drown real traffic in traces. */
const UNTRACED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

const contexts = new WeakMap<FastifyRequest, { span: Span; active: Context }>();

function started(request: FastifyRequest) {
  // The caller's W3C trace context, if any: the span continues its trace. Without a tracer
  // provider (tests, scripts) the span is a no-op with no ids.
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const route = request.routeOptions.url;
  const span = tracer.startSpan(
    route === undefined ? request.method : `${request.method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': request.method,
        'http.route': route ?? '',
        'url.path': request.url.split('?')[0] ?? '',
      },
    },
    parent,
  );
  return { span, active: trace.setSpan(parent, span) };
}

/** Ends the request's span: with the status sent, or as aborted when the client went away. */
function finished(request: FastifyRequest, reply: FastifyReply | undefined) {
  const traced = contexts.get(request);
  if (!traced) return;
  contexts.delete(request);
  const { span } = traced;
  if (reply === undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'client closed the request' });
  } else {
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

/**
 * One SERVER span per request, made from Fastify hooks rather than by patching node:http: the
 * request's trace context (the caller's, or a fresh one) is entered with `context.with` around
 * the rest of the request, so log lines (trace_id), outgoing calls and spans made by later hooks
 * and the handler all belong to it. Fastify resumes after reading a body in the context it
 * started reading in (an AsyncResource), so a body arriving late keeps it too (tested). Costs
 * ~10 µs per request where the OpenTelemetry HTTP instrumentation cost ~90 µs
 * (docs/bench/gateway.md).
 */
export function traceRequests(server: FastifyInstance): void {
  server.addHook('onRequest', (request, _reply, done) => {
    if (UNTRACED_ROUTES.has(request.routeOptions.url ?? '')) return done();
    const traced = started(request);
    contexts.set(request, traced);
    context.with(traced.active, done);
  });
  server.addHook('onResponse', (request, reply, done) => {
    finished(request, reply);
    done();
  });
  server.addHook('onRequestAbort', (request, done) => {
    finished(request, undefined);
    done();
  });
}

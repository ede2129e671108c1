import { ConnectError, type Interceptor } from '@connectrpc/connect';
import {
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';

// The kit's HTTP instrumentation does not see HTTP/2, which gRPC runs on, so RPCs carry the W3C
// trace context themselves: the client injects it into the metadata, the server continues it.

const tracer = trace.getTracer('@cinesync/kit/grpc');

const setter: TextMapSetter<Headers> = {
  set: (carrier, key, value) => carrier.set(key, value),
};
const getter: TextMapGetter<Headers> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => carrier.get(key) ?? undefined,
};

function rpcAttributes(service: string, method: string) {
  return { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method };
}

function ended<T>(span: Span, work: Promise<T>): Promise<T> {
  return work.then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      const connectError = ConnectError.from(error);
      span.setAttribute('rpc.grpc.status_code', connectError.code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: connectError.rawMessage });
      span.end();
      throw error;
    },
  );
}

/** Client: a span per call, its context sent along in `traceparent`. */
export const traceClientInterceptor: Interceptor = (next) => (request) => {
  const span = tracer.startSpan(`${request.service.typeName}/${request.method.name}`, {
    kind: SpanKind.CLIENT,
    attributes: rpcAttributes(request.service.typeName, request.method.name),
  });
  const active = trace.setSpan(context.active(), span);
  propagation.inject(active, request.header, setter);
  return ended(
    span,
    context.with(active, () => next(request)),
  );
};

/**
 * Server: a span per call, child of the caller's. Over HTTP/1.1 (Connect JSON through the gateway)
 * the HTTP instrumentation already continued the caller's trace, so that context is kept.
 */
export const traceServerInterceptor: Interceptor = (next) => (request) => {
  const parent = trace.getSpan(context.active())
    ? context.active()
    : propagation.extract(context.active(), request.header, getter);
  const span = tracer.startSpan(
    `${request.service.typeName}/${request.method.name}`,
    {
      kind: SpanKind.SERVER,
      attributes: rpcAttributes(request.service.typeName, request.method.name),
    },
    parent,
  );
  return ended(
    span,
    context.with(trace.setSpan(parent, span), () => next(request)),
  );
};

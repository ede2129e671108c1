import { createRequire } from 'node:module';
import { context, propagation } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  service: string;
  version: string;
  env: string;
  /** Base OTLP/HTTP URL; spans go to `<endpoint>/v1/traces`. No endpoint, no export. */
  otlpEndpoint: string | undefined;
}

/** Set while the client instrumentations run: they then inject the trace context themselves. */
let clientsInstrumented = false;

/**
 * The W3C trace context of the active span, as headers for an outgoing HTTP call. Empty while
 * tracing exports, because the undici instrumentation then adds it (with its own client span)
 * and a second copy would be wrong. Without an exporter nothing is instrumented, and callers
 * add these so the next service's logs still share the trace id.
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!clientsInstrumented) propagation.inject(context.active(), headers);
  return headers;
}

export interface Tracing {
  shutdown(): Promise<void>;
}

export function startTracing(options: TracingOptions): Tracing {
  const exporting = options.otlpEndpoint !== undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.service,
      [ATTR_SERVICE_VERSION]: options.version,
      // Incubating convention, so spelled out rather than imported from the unstable entry point.
      'deployment.environment.name': options.env,
    }),
    // Without an exporter spans are not recorded, only given ids: logs still carry a trace id
    // and traceparent still flows to other services, at almost no cost.
    sampler: exporting
      ? new ParentBasedSampler({ root: new AlwaysOnSampler() })
      : new AlwaysOffSampler(),
    spanProcessors: exporting
      ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }))]
      : [],
  });
  // The defaults: AsyncLocalStorage context and the W3C trace-context + baggage propagators.
  provider.register();

  // Incoming requests get their SERVER span from the kit's Fastify hooks (http/tracing.ts). The
  // client instrumentations only make spans nobody would see unless they are exported, and cost
  // ~40 µs per proxied request (docs/bench/gateway.md), so they run only when exporting.
  const instrumentations = exporting
    ? [new UndiciInstrumentation(), new PgInstrumentation(), new IORedisInstrumentation()]
    : [];
  if (exporting) patchLoadedModules();
  clientsInstrumented = exporting;

  return {
    async shutdown() {
      for (const instrumentation of instrumentations) instrumentation.disable();
      clientsInstrumented = false;
      await provider.shutdown();
    },
  };
}

/**
 * The instrumentations patch a module when it is `require`d after they start. In an ESM app
 * these modules may already be loaded by `import` (which they do not see), so require them once
 * here: the patch lands on the shared module objects and prototypes, whoever imported them.
 */
function patchLoadedModules(): void {
  const require = createRequire(import.meta.url);
  for (const name of ['pg', 'ioredis']) {
    try {
      require(name);
    } catch {
      // Not installed: nothing to trace.
    }
  }
}

function tracesUrl(endpoint: string | undefined): string | undefined {
  return endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
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

/** Probes and scrapes every few seconds would drown real traffic in traces. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function isProbe(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? '');
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

  const instrumentations = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: isProbe }),
    new UndiciInstrumentation(),
    new PgInstrumentation(),
    new IORedisInstrumentation(),
  ];
  patchLoadedModules();

  return {
    async shutdown() {
      for (const instrumentation of instrumentations) instrumentation.disable();
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
  for (const name of ['http', 'https', 'pg', 'ioredis']) {
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

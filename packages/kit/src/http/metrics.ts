import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const LABELS = ['method', 'route', 'status_code'] as const;

/**
 * One registry per server so several services in one process never share or clash; every
 * series carries `service`. Services add their own metrics with `registers: [server.metrics]`.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process metrics, including event-loop lag (from monitorEventLoopDelay), GC and memory.
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function instrumentRequests(server: FastifyInstance, registry: Registry): void {
  const registers = [registry];
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests handled, by method, route template and status code.',
    labelNames: LABELS,
    registers,
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its response.',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const inFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests being handled right now.',
    registers,
  });

  // Callback hooks, not async ones: they run on every request and a promise each costs.
  server.addHook('onRequest', (_request, reply, done) => {
    inFlight.inc();
    // 'close' fires whether the response finished or the client went away.
    reply.raw.once('close', () => inFlight.dec());
    done();
  });
  server.addHook('onResponse', (request, reply, done) => {
    const labels = {
      method: request.method,
      // The template (/movies/:id), never the raw URL, so label values stay few.
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
  server.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Registry } from 'prom-client';
import { captureError } from '../telemetry/index.js';
import { notFound } from './errors.js';
import { type ReadyCheck, registerHealth } from './health.js';
import { createMetricsRegistry, instrumentRequests } from './metrics.js';
import { type OpenApiOptions, registerOpenApi } from './openapi.js';
import { sendProblem, toAppError } from './problem.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { installShutdown, type ShutdownHook } from './shutdown.js';
import { traceRequests } from './tracing.js';
import { createValidatorCompiler } from './validation.js';

/** What every service builds its routes on: Fastify typed by TypeBox schemas. */
export type Server = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    /** This server's Prometheus registry; register business metrics with `registers: [server.metrics]`. */
    metrics: Registry;
    /** Registers cleanup (db close, bus drain) run on close after in-flight requests, last first. */
    onShutdown(name: string, hook: ShutdownHook): void;
  }
}

export interface CreateServerOptions {
  service: string;
  version?: string;
  logger: FastifyBaseLogger;
  /** Dependency checks run by /readyz, by name. */
  ready?: Record<string, ReadyCheck>;
  /** OpenAPI document info; the title defaults to the service name. */
  openapi?: OpenApiOptions;
  /** Largest accepted request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Budget of each /readyz check (default 2 s). */
  readyTimeoutMs?: number;
  /** How long close waits for in-flight requests before cutting connections (default 10 s). */
  shutdownTimeoutMs?: number;
}

export async function createServer(options: CreateServerOptions): Promise<Server> {
  const { service, version = '0.0.0' } = options;
  const server = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: requestIdFrom,
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, toAppError(error));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Query, params and headers coerced from text; JSON bodies validated as sent.
  server.setValidatorCompiler(createValidatorCompiler());

  // First, so every later hook, the handler and their log lines run in the request's trace.
  traceRequests(server);
  server.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });

  server.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
      if (appError.status === 500) {
        captureError(error, {
          service,
          requestId: request.id,
          method: request.method,
          route: request.routeOptions.url,
        });
      }
    } else {
      request.log.info({ code: appError.code, status: appError.status }, appError.message);
    }
    return sendProblem(reply, appError);
  });

  server.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    sendProblem(reply, notFound(`No route for ${request.method} ${path}.`, 'route_not_found'));
  });

  const registry = createMetricsRegistry(service);
  server.decorate('metrics', registry);
  installShutdown(server, options.shutdownTimeoutMs ?? 10_000);

  await registerOpenApi(server, { title: service, ...options.openapi, version });
  instrumentRequests(server, registry);
  registerHealth(server, options.ready ?? {}, options.readyTimeoutMs ?? 2_000);
  return server;
}

import {
  Code,
  ConnectError,
  type ConnectRouter,
  createContextValues,
  type Interceptor,
} from '@connectrpc/connect';
import { fastifyConnectPlugin } from '@connectrpc/connect-fastify';
// For its FastifySchema augmentation (`hide`), which the kit's OpenAPI registration honours.
import type {} from '@fastify/swagger';
import type { FastifyBaseLogger } from 'fastify';
import { Counter, Histogram } from 'prom-client';
import type { Server } from '../http/index.js';
import { captureError } from '../telemetry/index.js';
import { callerIdentityKey, identityFromRequest } from './caller.js';
import { toConnectError } from './errors.js';
import { serveH2c } from './h2c.js';
import { traceServerInterceptor } from './tracing.js';
import { validationInterceptor } from './validate.js';

export interface RegisterRpcOptions {
  service: string;
  routes: (router: ConnectRouter) => void;
  /** Budget for in-flight RPCs when the server closes (default 10 s). */
  shutdownTimeoutMs?: number;
}

/** Maps thrown errors onto gRPC statuses; logs and reports the unexpected ones. */
function errorInterceptor(service: string, log: FastifyBaseLogger): Interceptor {
  return (next) => async (request) => {
    try {
      return await next(request);
    } catch (error) {
      const connectError = toConnectError(error);
      const rpc = `${request.service.typeName}/${request.method.name}`;
      if (connectError.code === Code.Internal || connectError.code === Code.Unknown) {
        log.error({ err: error, rpc }, 'rpc failed');
        captureError(error, { service, rpc });
      } else {
        log.info({ rpc, code: Code[connectError.code] }, connectError.rawMessage);
      }
      throw connectError;
    }
  };
}

/** Golden signals per RPC; HTTP metrics alone see every gRPC call as a 200. */
function metricsInterceptor(server: Server): Interceptor {
  const labelNames = ['rpc_service', 'rpc_method', 'code'] as const;
  const handled = new Counter({
    name: 'rpc_server_handled_total',
    help: 'RPCs completed, by service, method and gRPC status code.',
    labelNames,
    registers: [server.metrics],
  });
  const seconds = new Histogram({
    name: 'rpc_server_handling_seconds',
    help: 'Time to handle an RPC.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [server.metrics],
  });
  return (next) => async (request) => {
    const started = performance.now();
    let code = 'OK';
    try {
      return await next(request);
    } catch (error) {
      code = Code[ConnectError.from(error).code];
      throw error;
    } finally {
      const labels = {
        rpc_service: request.service.typeName,
        rpc_method: request.method.name,
        code,
      };
      handled.inc(labels);
      seconds.observe(labels, (performance.now() - started) / 1000);
    }
  };
}

/**
 * Serves the routes' services over gRPC (HTTP/2, h2c), gRPC-Web and Connect (HTTP/1.1 JSON or
 * binary) on the server's own port. Requests go through the server's hooks first, so
 * `request.user` is already verified (a bad token is refused there). Then, outermost first:
 * metrics, trace span, error mapping, and protovalidate checks of the request message.
 * The RPC routes are left out of the OpenAPI document, which describes the REST API.
 */
export async function registerRpc(server: Server, options: RegisterRpcOptions): Promise<void> {
  const interceptors = [
    metricsInterceptor(server),
    traceServerInterceptor,
    errorInterceptor(options.service, server.log),
    validationInterceptor,
  ];
  await server.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true };
      // Guests are refused per method (requireCallerUser), in the protocol's own error format.
      route.config = { ...route.config, allowGuest: true };
    });
    await scope.register(fastifyConnectPlugin, {
      routes: options.routes,
      interceptors,
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000,
      shutdownError: new ConnectError('The server is shutting down.', Code.Unavailable),
      contextValues: (request) =>
        createContextValues().set(callerIdentityKey, identityFromRequest(request)),
    });
  });
  serveH2c(server, { shutdownTimeoutMs: options.shutdownTimeoutMs });
}

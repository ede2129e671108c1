import type { CallOptions, Interceptor, Transport } from '@connectrpc/connect';
import { createGrpcTransport, Http2SessionManager } from '@connectrpc/connect-node';
import type { Caller } from './caller.js';
import { traceClientInterceptor } from './tracing.js';

export interface RpcTransport {
  transport: Transport;
  /** Closes the HTTP/2 connection; calls after this open a new one. */
  close(): void;
}

/**
 * Real gRPC (HTTP/2 with prior knowledge, h2c) to another service at `baseUrl`, over one
 * long-lived connection. `interceptors` run after the tracing one, closest to the wire last.
 */
export function createRpcTransport(
  baseUrl: string,
  interceptors: Interceptor[] = [],
): RpcTransport {
  const sessionManager = new Http2SessionManager(baseUrl, {
    // Notices a dead peer (a restarted pod) within ~20 s instead of on the next call's timeout.
    pingIntervalMs: 10_000,
    pingTimeoutMs: 10_000,
  });
  const transport = createGrpcTransport({
    baseUrl,
    sessionManager,
    interceptors: [traceClientInterceptor, ...interceptors],
  });
  return { transport, close: () => sessionManager.abort() };
}

/**
 * Options for a call made on behalf of `caller`: its token (so the callee verifies the same user),
 * its request id, what is left of its deadline (sent as grpc-timeout) and its cancellation.
 */
export function callOptions(caller: Caller): CallOptions {
  const headers = new Headers();
  if (caller.token) headers.set('authorization', `Bearer ${caller.token}`);
  if (caller.requestId) headers.set('x-request-id', caller.requestId);
  return {
    headers,
    signal: caller.signal,
    // At least 1 ms: 0 would mean "no deadline" to Connect.
    timeoutMs: Math.max(1, caller.deadline - Date.now()),
  };
}

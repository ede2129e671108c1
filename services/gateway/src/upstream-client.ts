import { Agent, type Dispatcher } from 'undici';

export interface UpstreamClientOptions {
  /** Wait for response headers, and between body chunks. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Most sockets per upstream origin; keep-alive reuses them across requests. */
  connections?: number;
}

export interface UpstreamClient {
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

function acceptsEventStream(headers: Dispatcher.DispatchOptions['headers']): boolean {
  if (!headers || Array.isArray(headers) || typeof headers !== 'object') return false;
  if (Symbol.iterator in headers) return false;
  const accept = (headers as Record<string, string | string[] | undefined>).accept;
  return typeof accept === 'string' && accept.includes('text/event-stream');
}

/**
 * One keep-alive connection pool per upstream origin, shared by every proxied request. The body
 * timeout is an idle timeout between chunks; a client that asked for an event stream (SSE) gets
 * none, because a live stream may rightly stay quiet for minutes.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const agent = new Agent({
    connections: options.connections ?? 128,
    pipelining: 1,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: { timeout: options.connectTimeoutMs },
  });
  const dispatcher = agent.compose(
    (dispatch) => (request, handler) =>
      acceptsEventStream(request.headers)
        ? dispatch({ ...request, bodyTimeout: 0 }, handler)
        : dispatch(request, handler),
  );
  return {
    dispatcher,
    // Destroy, not close: an open event stream would otherwise hold shutdown forever.
    close: () => agent.destroy(),
  };
}

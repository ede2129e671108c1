import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Agent, request } from 'undici';
import {
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitOpenError,
  type CircuitState,
  TimeoutError,
  withTimeout,
} from '../resilience/index.js';
import { traceHeaders } from '../telemetry/index.js';
import { UpstreamAnswerError, UpstreamError, UpstreamUnavailableError } from './errors.js';

export interface JsonClientOptions {
  /** Names the service in errors, breaker logs and state changes. */
  name: string;
  /**
   * Where the service lives; call paths are resolved under it, so a path prefix is kept.
   * Unset: the service is not configured and every call is unavailable, so a service can start
   * (and serve everything else) without this neighbour.
   */
  baseUrl: string | undefined;
  /** Budget of one call, body included. */
  timeoutMs: number;
  breaker: Omit<CircuitBreakerOptions, 'name' | 'isFailure'>;
  /** Keep-alive connections to the service (default 16). */
  connections?: number;
}

export interface RequestOptions {
  /** Appended to the URL; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Added to (and overriding) accept, content-type and the trace headers. */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Statuses in which the service says it is struggling, rather than that we asked wrongly. */
const isUnavailableStatus = (status: number) => status >= 500 || status === 408 || status === 429;

/**
 * JSON over HTTP to one other service: keep-alive connections, a time budget per call, a circuit
 * breaker, and every answer checked against a schema, so a changed contract fails loudly here
 * rather than deep in the caller. A 404 is an answer (null) and never opens the circuit. The
 * caller's W3C trace context goes along, so the other service's logs share its trace id.
 */
export class JsonClient {
  readonly name: string;
  private readonly options: JsonClientOptions;
  private readonly agent: Agent;
  private readonly breaker: CircuitBreaker;

  constructor(options: JsonClientOptions) {
    this.name = options.name;
    this.options = options;
    this.agent = new Agent({ keepAliveTimeout: 10_000, connections: options.connections ?? 16 });
    this.breaker = new CircuitBreaker({
      ...options.breaker,
      name: options.name,
      // A wrong answer came back fast: the service is up, so only unavailability counts.
      isFailure: (err) => !(err instanceof UpstreamAnswerError),
    });
  }

  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  get<S extends TSchema>(
    path: string,
    schema: S,
    options?: Omit<RequestOptions, 'body'>,
  ): Promise<Static<S> | null> {
    return this.request('GET', path, schema, options);
  }

  post<S extends TSchema>(
    path: string,
    body: unknown,
    schema: S,
    options?: Omit<RequestOptions, 'body'>,
  ): Promise<Static<S> | null> {
    return this.request('POST', path, schema, { ...options, body });
  }

  /**
   * The answer checked against `schema`, or null on 404. An empty 2xx body reads as undefined
   * (check it with `Type.Undefined()`). Throws UpstreamUnavailableError or UpstreamAnswerError.
   */
  async request<S extends TSchema>(
    method: Method,
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<Static<S> | null> {
    const { baseUrl, name, timeoutMs } = this.options;
    if (baseUrl === undefined) throw new UpstreamUnavailableError(name, 'not configured');
    const url = resolve(baseUrl, path, options.query);
    try {
      return await this.breaker.execute(() =>
        withTimeout((signal) => this.send(method, url, schema, options, signal), timeoutMs),
      );
    } catch (err) {
      if (err instanceof UpstreamError) throw err;
      throw unavailable(name, err);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async send<S extends TSchema>(
    method: Method,
    url: URL,
    schema: S,
    options: RequestOptions,
    signal: AbortSignal,
  ): Promise<Static<S> | null> {
    const { name } = this.options;
    const hasBody = options.body !== undefined;
    const response = await request(url, {
      method,
      dispatcher: this.agent,
      signal,
      headers: {
        accept: 'application/json',
        ...traceHeaders(),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: hasBody ? JSON.stringify(options.body) : undefined,
    });
    const status = response.statusCode;
    if (status < 200 || status >= 300) {
      await response.body.dump();
      if (status === 404) return null;
      if (isUnavailableStatus(status)) {
        throw new UpstreamUnavailableError(name, `answered ${status}`, { status });
      }
      throw new UpstreamAnswerError(name, status, `to ${method} ${url.pathname}`);
    }
    const text = await response.body.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new UpstreamAnswerError(name, status, `with a body that is not JSON`);
    }
    if (!Value.Check(schema, json)) {
      throw new UpstreamAnswerError(name, status, `with a body that breaks the contract`);
    }
    return json;
  }
}

function resolve(baseUrl: string, path: string, query: RequestOptions['query']): URL {
  // Relative resolution under a base ending in "/" keeps the base's own path.
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(path.replace(/^\/+/, ''), base);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

function unavailable(name: string, err: unknown): UpstreamUnavailableError {
  if (err instanceof CircuitOpenError) {
    return new UpstreamUnavailableError(name, 'circuit open', {
      cause: err,
      retryAfterMs: err.retryAfterMs,
    });
  }
  if (err instanceof TimeoutError) {
    return new UpstreamUnavailableError(name, `no answer within ${err.timeoutMs} ms`, {
      cause: err,
    });
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new UpstreamUnavailableError(name, `cannot be reached (${detail})`, { cause: err });
}

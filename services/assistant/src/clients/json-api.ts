import { CircuitBreaker, type CircuitState, withTimeout } from '@cinesync/kit/resilience';
import { traceHeaders } from '@cinesync/kit/telemetry';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Agent, request } from 'undici';

/** A platform service could not answer (down, slow, broken, circuit open, or not configured). */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
  readonly service: string;

  constructor(service: string, options?: { cause?: unknown }) {
    super(`${service} is unavailable`, options);
    this.service = service;
  }
}

/** The service answered, but not with what we asked for (a 4xx other than 404). */
class UpstreamAnswerError extends Error {
  override readonly name = 'UpstreamAnswerError';
}

export interface JsonApiOptions {
  /** Names the service in errors and breaker logs. */
  name: string;
  /** Unset: the service is not configured; every call is unavailable. */
  baseUrl: string | undefined;
  timeoutMs: number;
  breakerFailures: number;
  breakerResetMs: number;
  onBreakerChange?: (to: CircuitState, from: CircuitState) => void;
}

export interface CallOptions {
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/**
 * JSON calls to another platform service behind a timeout and a circuit breaker. A 404 is an
 * answer (null), never a failure; answers are checked against a schema so a changed contract
 * fails loudly here rather than deep in the assistant.
 */
export class JsonApi {
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: JsonApiOptions) {
    this.breaker = new CircuitBreaker({
      name: options.name,
      failureThreshold: options.breakerFailures,
      resetTimeoutMs: options.breakerResetMs,
      isFailure: (err) => !(err instanceof UpstreamAnswerError),
      onStateChange: options.onBreakerChange,
    });
  }

  get<S extends TSchema>(
    path: string,
    schema: S,
    options: CallOptions = {},
  ): Promise<Static<S> | null> {
    return this.call('GET', path, schema, undefined, options);
  }

  post<S extends TSchema>(
    path: string,
    body: unknown,
    schema: S,
    options: CallOptions = {},
  ): Promise<Static<S> | null> {
    return this.call('POST', path, schema, body, options);
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async call<S extends TSchema>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body: unknown,
    options: CallOptions,
  ): Promise<Static<S> | null> {
    const { baseUrl, name } = this.options;
    if (baseUrl === undefined) throw new UpstreamUnavailableError(name);
    const url = new URL(path, withSlash(baseUrl));
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    try {
      return await this.breaker.execute(() =>
        withTimeout(async (signal) => {
          const response = await request(url, {
            method,
            dispatcher: this.agent,
            signal,
            headers: {
              accept: 'application/json',
              ...traceHeaders(),
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...options.headers,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (response.statusCode === 404) {
            await response.body.dump();
            return null;
          }
          if (response.statusCode >= 400 && response.statusCode < 500) {
            await response.body.dump();
            throw new UpstreamAnswerError(`${name} answered ${response.statusCode}`);
          }
          if (response.statusCode !== 200) {
            await response.body.dump();
            throw new Error(`${name} answered ${response.statusCode}`);
          }
          const json: unknown = await response.body.json();
          if (!Value.Check(schema, json)) throw new Error(`${name} answered an unexpected body`);
          return json;
        }, this.options.timeoutMs),
      );
    } catch (err) {
      throw new UpstreamUnavailableError(name, { cause: err });
    }
  }
}

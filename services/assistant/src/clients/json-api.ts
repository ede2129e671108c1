import { JsonClient, UpstreamError } from '@cinesync/kit/client';
import type { CircuitState } from '@cinesync/kit/resilience';
import type { Static, TSchema } from 'typebox';

/**
 * A platform service could not answer (down, slow, broken, circuit open, or not configured), or
 * answered wrongly. Either way the assistant cannot use it now and says so to the user.
 */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
  readonly service: string;

  constructor(service: string, options?: { cause?: unknown }) {
    super(`${service} is unavailable`, options);
    this.service = service;
  }
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

/**
 * JSON calls to another platform service through the kit's JsonClient (timeout, circuit breaker,
 * schema-checked answers, 404 as null), with its errors folded into UpstreamUnavailableError.
 */
export class JsonApi {
  private readonly client: JsonClient;

  constructor(options: JsonApiOptions) {
    this.client = new JsonClient({
      name: options.name,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      breaker: {
        failureThreshold: options.breakerFailures,
        resetTimeoutMs: options.breakerResetMs,
        onStateChange: options.onBreakerChange,
      },
    });
  }

  get<S extends TSchema>(
    path: string,
    schema: S,
    options: CallOptions = {},
  ): Promise<Static<S> | null> {
    return this.guard(this.client.get(path, schema, options));
  }

  post<S extends TSchema>(
    path: string,
    body: unknown,
    schema: S,
    options: CallOptions = {},
  ): Promise<Static<S> | null> {
    return this.guard(this.client.post(path, body, schema, options));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async guard<T>(call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (err) {
      if (err instanceof UpstreamError) {
        throw new UpstreamUnavailableError(this.client.name, { cause: err });
      }
      throw err;
    }
  }
}

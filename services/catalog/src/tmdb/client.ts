import type { Cache } from '@cinesync/kit/cache';
import { CircuitBreaker, type CircuitState, withTimeout } from '@cinesync/kit/resilience';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { Agent, request } from 'undici';
import { type TmdbMovie, TmdbMovieSchema, type TmdbSearch, TmdbSearchSchema } from './schemas.js';

/** TMDB answered, but not with what we asked for (an error status or an unexpected body). */
export class TmdbError extends Error {
  override readonly name = 'TmdbError';
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** TMDB has no movie with that id: an answer, not a fault, so it never opens the circuit. */
export class TmdbNotFoundError extends Error {
  override readonly name = 'TmdbNotFoundError';
}

export interface TmdbClientOptions {
  /** e.g. https://api.themoviedb.org; paths `/3/...` are appended. */
  baseUrl: string;
  /** A v3 API key (sent as `api_key`) or a v4 read token (sent as a Bearer token). */
  apiKey: string;
  cache: Cache;
  cacheTtlMs: number;
  timeoutMs: number;
  /** Consecutive failures that open the circuit (default 5)... */
  breakerFailures?: number;
  /** ...and how long it stays open before one probe goes through (default 30 s). */
  breakerResetMs?: number;
  onBreakerChange?: (to: CircuitState, from: CircuitState) => void;
  /** The breaker's clock in ms; tests move it instead of waiting. */
  now?: () => number;
}

/** Statuses that say TMDB itself is struggling; other 4xx are about our request. */
const isUpstreamFault = (status: number) => status >= 500 || status === 429 || status === 408;

function isFailure(error: unknown): boolean {
  if (error instanceof TmdbNotFoundError) return false;
  if (error instanceof TmdbError && error.status !== undefined)
    return isUpstreamFault(error.status);
  return true;
}

/** v4 read tokens are JWTs; v3 keys are 32 hex characters. */
const isBearerToken = (key: string) => key.split('.').length === 3;

/**
 * A TMDB-compatible client: cache-aside in front (a hit never touches TMDB, even while the circuit
 * is open), then a circuit breaker (fails fast while TMDB is down, one probe after the reset
 * time), then a timeout on each call. Errors are never cached.
 */
export class TmdbClient {
  private readonly options: TmdbClientOptions;
  private readonly breaker: CircuitBreaker;
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });

  constructor(options: TmdbClientOptions) {
    this.options = options;
    this.breaker = new CircuitBreaker({
      name: 'tmdb',
      failureThreshold: options.breakerFailures ?? 5,
      resetTimeoutMs: options.breakerResetMs ?? 30_000,
      isFailure,
      onStateChange: options.onBreakerChange,
      now: options.now,
    });
  }

  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  /** A movie with its credits; throws TmdbNotFoundError when TMDB has no such id. */
  movie(tmdbId: number): Promise<TmdbMovie> {
    return this.options.cache.getOrLoad(`tmdb:movie:${tmdbId}`, this.options.cacheTtlMs, () =>
      this.get(`/3/movie/${tmdbId}`, { append_to_response: 'credits' }, TmdbMovieSchema),
    );
  }

  search(query: string, page = 1): Promise<TmdbSearch> {
    const normalized = query.trim().replace(/\s+/g, ' ').toLowerCase();
    return this.options.cache.getOrLoad(
      `tmdb:search:${page}:${encodeURIComponent(normalized)}`,
      this.options.cacheTtlMs,
      () =>
        this.get(
          '/3/search/movie',
          { query: normalized, page: String(page), include_adult: 'false' },
          TmdbSearchSchema,
        ),
    );
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private get<S extends TSchema>(
    path: string,
    query: Record<string, string>,
    schema: S,
  ): Promise<Static<S>> {
    return this.breaker.execute(() =>
      withTimeout((signal) => this.fetchJson(path, query, schema, signal), this.options.timeoutMs),
    );
  }

  private async fetchJson<S extends TSchema>(
    path: string,
    query: Record<string, string>,
    schema: S,
    signal: AbortSignal,
  ): Promise<Static<S>> {
    const url = new URL(path, this.options.baseUrl);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (isBearerToken(this.options.apiKey)) headers.authorization = `Bearer ${this.options.apiKey}`;
    else url.searchParams.set('api_key', this.options.apiKey);

    const response = await request(url, { dispatcher: this.agent, signal, headers });
    if (response.statusCode === 404) {
      await response.body.dump();
      throw new TmdbNotFoundError(`TMDB has nothing at ${path}`);
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new TmdbError(`TMDB answered ${response.statusCode} for ${path}`, response.statusCode);
    }
    const body: unknown = await response.body.json();
    if (!Value.Check(schema, body)) throw new TmdbError(`TMDB sent an unexpected body for ${path}`);
    return body;
  }
}

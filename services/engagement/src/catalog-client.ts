import type { Cache } from '@cinesync/kit/cache';
import { AppError } from '@cinesync/kit/http';
import { CircuitBreaker, CircuitOpenError, withTimeout } from '@cinesync/kit/resilience';
import { traceHeaders } from '@cinesync/kit/telemetry';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { Agent, request } from 'undici';

/** What engagement needs to know about a film: that it exists, and what to call it. */
export interface FilmRef {
  id: string;
  title: string;
  year: number | null;
}

export interface CatalogClient {
  /**
   * The film, or null when the catalog says it does not exist. Throws a 503 AppError
   * (`catalog_unavailable`) when the catalog cannot answer: down, slow, broken or circuit open.
   */
  findFilm(id: string): Promise<FilmRef | null>;
  close(): Promise<void>;
}

export interface CatalogClientOptions {
  /** Unset: no catalog is configured, and every lookup is unavailable. */
  baseUrl: string | undefined;
  timeoutMs: number;
  breakerFailures: number;
  breakerResetMs: number;
  /** Films found are remembered here for `cacheTtlMs`; misses are always asked again. */
  cache?: Cache;
  cacheTtlMs?: number;
  onBreakerChange?: (to: string, from: string) => void;
}

const FilmSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

class CatalogAnswerError extends Error {
  override readonly name = 'CatalogAnswerError';
}

function unavailable(cause: unknown): AppError {
  const retryAfterSec =
    cause instanceof CircuitOpenError ? Math.max(1, Math.ceil(cause.retryAfterMs / 1000)) : 1;
  return new AppError(
    503,
    'catalog_unavailable',
    'The film catalog cannot be reached right now; try again shortly.',
    { headers: { 'retry-after': String(retryAfterSec) }, cause },
  );
}

/**
 * Internal lookup against the catalog (`GET /internal/v1/films/{id}`) behind a timeout and a
 * circuit breaker: while the catalog is down, callers get a 503 at once instead of each waiting
 * out the timeout. A 404 is an answer, not a failure, so it never opens the circuit.
 */
export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 32 });
  const breaker = new CircuitBreaker({
    name: 'catalog',
    failureThreshold: options.breakerFailures,
    resetTimeoutMs: options.breakerResetMs,
    onStateChange: options.onBreakerChange,
  });
  const ttl = options.cacheTtlMs ?? 600_000;

  async function fetchFilm(baseUrl: string, id: string, signal: AbortSignal) {
    const url = new URL(`internal/v1/films/${encodeURIComponent(id)}`, withSlash(baseUrl));
    const response = await request(url, {
      dispatcher: agent,
      signal,
      // The caller's trace goes along, so the catalog's log lines share its trace id.
      headers: { accept: 'application/json', ...traceHeaders() },
    });
    if (response.statusCode === 404) {
      await response.body.dump();
      return null;
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new CatalogAnswerError(`catalog answered ${response.statusCode}`);
    }
    const body: unknown = await response.body.json();
    if (!Value.Check(FilmSchema, body) || body.id !== id) {
      throw new CatalogAnswerError('catalog answered with an unexpected body');
    }
    return { id: body.id, title: body.title, year: body.year ?? null };
  }

  return {
    async findFilm(id) {
      const cached = await options.cache?.get<FilmRef>(`film:${id}`);
      if (cached) return cached;
      const { baseUrl } = options;
      if (baseUrl === undefined) throw unavailable(new Error('CATALOG_URL is not set'));
      let film: FilmRef | null;
      try {
        film = await breaker.execute(() =>
          withTimeout((signal) => fetchFilm(baseUrl, id, signal), options.timeoutMs),
        );
      } catch (error) {
        throw unavailable(error);
      }
      if (film) await options.cache?.set(`film:${id}`, film, ttl);
      return film;
    },
    close: () => agent.close(),
  };
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

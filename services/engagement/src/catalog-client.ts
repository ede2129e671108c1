import type { Cache } from '@cinesync/kit/cache';
import { JsonClient, UpstreamUnavailableError } from '@cinesync/kit/client';
import { AppError } from '@cinesync/kit/http';
import { Type } from 'typebox';

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

/** Down, slow, or answering wrongly: to the user it is all one thing, the catalog is not there. */
function unavailable(cause: unknown): AppError {
  const retryAfterMs = cause instanceof UpstreamUnavailableError ? cause.retryAfterMs : undefined;
  const retryAfterSec =
    retryAfterMs === undefined ? 1 : Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    503,
    'catalog_unavailable',
    'The film catalog cannot be reached right now; try again shortly.',
    { headers: { 'retry-after': String(retryAfterSec) }, cause },
  );
}

/**
 * Internal lookup against the catalog (`GET /internal/v1/films/{id}`) through the kit's
 * JsonClient: while the catalog is down, callers get a 503 at once instead of each waiting out
 * the timeout, and a 404 is an answer that never opens the circuit. Found films are cached.
 */
export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const catalog = new JsonClient({
    name: 'catalog',
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    connections: 32,
    breaker: {
      failureThreshold: options.breakerFailures,
      resetTimeoutMs: options.breakerResetMs,
      onStateChange: options.onBreakerChange,
    },
  });
  const ttl = options.cacheTtlMs ?? 600_000;

  return {
    async findFilm(id) {
      const cached = await options.cache?.get<FilmRef>(`film:${id}`);
      if (cached) return cached;
      let film: FilmRef | null = null;
      try {
        const body = await catalog.get(`internal/v1/films/${encodeURIComponent(id)}`, FilmSchema);
        if (body) {
          if (body.id !== id) throw new Error(`catalog answered film ${body.id} for ${id}`);
          film = { id: body.id, title: body.title, year: body.year ?? null };
        }
      } catch (error) {
        throw unavailable(error);
      }
      if (film) await options.cache?.set(`film:${id}`, film, ttl);
      return film;
    },
    close: () => catalog.close(),
  };
}

import { bool, duration, optional, str, url } from '@cinesync/kit/config';

/** The catalog's own variables, parsed with the platform's (PORT, DATABASE_URL, NATS_URL, ...). */
export const catalogConfig = {
  /** Identity's key set. Unset → nobody can sign in here: reads work, admin writes answer 503. */
  JWKS_URL: optional(url()),
  JWT_ISSUER: str('cinesync-identity'),
  JWT_AUDIENCE: str('cinesync'),
  /** TMDB v3 API key or v4 read token. Unset → no TMDB import and no upstream search fallback. */
  TMDB_API_KEY: optional(str()),
  TMDB_BASE_URL: url('https://api.themoviedb.org'),
  /** Where poster paths from TMDB point. */
  TMDB_IMAGE_BASE_URL: url('https://image.tmdb.org/t/p/w500'),
  /** Budget of one TMDB call. */
  TMDB_TIMEOUT: duration('3s'),
  /** How long TMDB answers are cached (cache-aside, REDIS_URL or memory). */
  TMDB_CACHE_TTL: duration('6h'),
  /** Load data/films.json when the films table is empty at start. */
  CATALOG_DEMO_DATA: bool(true),
} as const;

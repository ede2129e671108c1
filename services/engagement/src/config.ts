import { authSchema } from '@cinesync/kit/auth';
import { duration, int, optional, url } from '@cinesync/kit/config';

/** Engagement's own variables, parsed with the platform's (PORT, DATABASE_URL, NATS_URL, ...). */
export const engagementConfig = {
  /** Identity's key set; every write is made by a verified user. */
  ...authSchema,
  /** Catalog base URL, for the existence check when bookmarking; unset → bookmarking answers 503. */
  CATALOG_URL: optional(url()),
  /** Budget of one catalog lookup. */
  CATALOG_TIMEOUT: duration('1s'),
  /** Consecutive catalog failures that open the circuit... */
  CATALOG_BREAKER_FAILURES: int({ min: 1 }, 5),
  /** ...and how long it stays open before one probe is let through. */
  CATALOG_BREAKER_RESET: duration('10s'),
  /** How long a film found in the catalog is remembered (title and existence). */
  CATALOG_CACHE_TTL: duration('10m'),
} as const;

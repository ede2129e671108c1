import { authSchema } from '@cinesync/kit/auth';
import {
  bool,
  type ConfigOf,
  duration,
  type Field,
  InvalidValue,
  int,
  optional,
  str,
  url,
} from '@cinesync/kit/config';

/** A database name goes into SQL text unquoted, so only plain identifiers are allowed. */
function identifier(fallback: string): Field<string> {
  const inner = str(fallback);
  return {
    parse(raw) {
      const value = inner.parse(raw);
      if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(value)) {
        throw new InvalidValue('must be a plain identifier (letters, digits and _)');
      }
      return value;
    },
  };
}

/** The analytics service's own variables; the platform's (PORT, DATA_DIR, NATS_URL, ...) come on top. */
export const analyticsConfig = {
  /** Unset → embedded chDB under DATA_DIR/analytics/chdb. */
  CLICKHOUSE_URL: optional(url()),
  /** Database (created if missing) holding the events table, on both engines. */
  CLICKHOUSE_DATABASE: identifier('analytics'),
  CLICKHOUSE_USER: str('default'),
  CLICKHOUSE_PASSWORD: str(''),
  /** Budget of one ClickHouse HTTP request (inserts and queries). */
  CLICKHOUSE_TIMEOUT: duration('30s'),

  ...authSchema,

  /** Events per request, serialized bytes per event, bytes per request body. */
  INGEST_MAX_BATCH: int({ min: 1, max: 10_000 }, 500),
  INGEST_MAX_EVENT_BYTES: int({ min: 256, max: 1024 * 1024 }, 8 * 1024),
  INGEST_MAX_BODY_BYTES: int({ min: 1024, max: 64 * 1024 * 1024 }, 1024 * 1024),
  /** Per client IP: a bucket of INGEST_RATE_BURST requests refilled at INGEST_RATE_PER_SEC. */
  INGEST_RATE_PER_SEC: int({ min: 1 }, 20),
  INGEST_RATE_BURST: int({ min: 1 }, 100),
  /**
   * Which proxies may set X-Forwarded-For (the per-IP limit needs the client's address, not the
   * gateway's): `true` (any), or comma-separated addresses/CIDRs/`loopback`; `false` for none.
   */
  TRUST_PROXY: str('loopback'),

  /** Run the bus → ClickHouse consumer in this process (turn off on ingest-only replicas). */
  ETL_ENABLED: bool(true),
  /** Rows per insert (from many messages), and how long the oldest waits before a smaller batch goes in. */
  ETL_MAX_BATCH: int({ min: 1, max: 100_000 }, 5_000),
  ETL_MAX_WAIT: duration('1s'),
  /** Tries of one message; on the last, only the events the store refuses are dead-lettered. */
  ETL_MAX_ATTEMPTS: int({ min: 1, max: 100 }, 5),
} as const;

export type AnalyticsConfig = ConfigOf<typeof analyticsConfig>;

export type TrustProxy = boolean | string[];

/** TRUST_PROXY in the form Fastify's `trustProxy` takes. */
export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

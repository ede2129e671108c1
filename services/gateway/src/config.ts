import {
  duration,
  type Field,
  InvalidValue,
  int,
  list,
  optional,
  str,
  url,
} from '@cinesync/kit/config';
import { ROUTES, type UpstreamVariable } from './routes-table.js';

/** A positive decimal, so a refill rate can be 0.5 per second; the kit only has integers. */
function positiveNumber(fallback: number): Field<number> {
  return {
    parse(raw) {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = Number(raw.trim());
      if (!Number.isFinite(value) || value <= 0) {
        throw new InvalidValue(`must be a number > 0, got ${JSON.stringify(raw.slice(0, 40))}`);
      }
      return value;
    },
  };
}

/** `<SERVICE>_URL` for every row of the routing table; unset → that service is not deployed. */
const upstreamVariables = Object.fromEntries(
  ROUTES.map((route) => [route.env, optional(url())]),
) as Record<UpstreamVariable, Field<string | undefined>>;

export const gatewaySchema = {
  ...upstreamVariables,
  /** Key set the tokens are checked against; unset → IDENTITY_URL/.well-known/jwks.json. */
  JWKS_URL: optional(url()),
  JWT_ISSUER: str('cinesync-identity'),
  JWT_AUDIENCE: str('cinesync'),
  /** Burst a client IP may send at once. */
  RATE_LIMIT_CAPACITY: int({ min: 1 }, 200),
  /** Sustained requests per second per client IP. */
  RATE_LIMIT_REFILL_PER_SEC: positiveNumber(50),
  /** Peers whose X-Forwarded-For is believed: addresses, CIDRs or loopback/linklocal/uniquelocal. */
  TRUSTED_PROXIES: list([]),
  /** Origins allowed to call the API from a browser; empty → same origin only; `*` → any. */
  CORS_ORIGINS: list([]),
  /** Largest request body in bytes. */
  BODY_LIMIT: int({ min: 1 }, 1024 * 1024),
  /** Wait for an upstream's response headers, and between body chunks (not for SSE). */
  UPSTREAM_TIMEOUT: duration('10s'),
  /** Wait for a TCP connection to an upstream. */
  UPSTREAM_CONNECT_TIMEOUT: duration('2s'),
  /** Built web app (apps/web/dist) served at `/`; unset → `/` points at the API docs. */
  WEB_DIST: optional(str()),
} as const;

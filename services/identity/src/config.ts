import {
  ConfigError,
  type ConfigOf,
  duration,
  int,
  list,
  optional,
  str,
} from '@cinesync/kit/config';

/** The identity service's own variables (the platform's PORT, DATABASE_URL… come on top). */
export const identityConfig = {
  JWT_ISSUER: str('cinesync-identity'),
  JWT_AUDIENCE: str('cinesync'),
  /** Lifetime of access tokens; at most 15 minutes. */
  ACCESS_TOKEN_TTL: duration('15m'),
  /** Lifetime of each refresh token; every use hands out a new one with a fresh lifetime. */
  REFRESH_TOKEN_TTL: duration('30d'),
  /** The signing key is replaced automatically once it is this old. */
  SIGNING_KEY_MAX_AGE: duration('30d'),
  /** First admin: created at start if missing (needs ADMIN_PASSWORD), promoted if it exists. */
  ADMIN_EMAIL: optional(str()),
  ADMIN_PASSWORD: optional(str()),
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs, or loopback/uniquelocal); `none` trusts nobody. */
  TRUST_PROXY: list(['loopback']),
  LOGIN_IP_BURST: int({ min: 1 }, 20),
  LOGIN_IP_PER_MINUTE: int({ min: 1 }, 10),
  REGISTER_IP_BURST: int({ min: 1 }, 20),
  REGISTER_IP_PER_MINUTE: int({ min: 1 }, 5),
} as const;

export type IdentityConfig = ConfigOf<typeof identityConfig>;

const MAX_ACCESS_TTL_MS = 15 * 60_000;

/** Rules across fields that the field parsers cannot see; thrown as a ConfigError at start. */
export function checkIdentityConfig(config: IdentityConfig): void {
  const issues = [];
  if (config.ACCESS_TOKEN_TTL < 1000 || config.ACCESS_TOKEN_TTL > MAX_ACCESS_TTL_MS) {
    issues.push({ variable: 'ACCESS_TOKEN_TTL', problem: 'must be between 1s and 15m' });
  }
  if (config.REFRESH_TOKEN_TTL <= config.ACCESS_TOKEN_TTL) {
    issues.push({ variable: 'REFRESH_TOKEN_TTL', problem: 'must be longer than ACCESS_TOKEN_TTL' });
  }
  if (config.SIGNING_KEY_MAX_AGE <= config.ACCESS_TOKEN_TTL) {
    issues.push({
      variable: 'SIGNING_KEY_MAX_AGE',
      problem: 'must be longer than ACCESS_TOKEN_TTL',
    });
  }
  if (config.ADMIN_PASSWORD !== undefined && config.ADMIN_EMAIL === undefined) {
    issues.push({ variable: 'ADMIN_EMAIL', problem: 'is required when ADMIN_PASSWORD is set' });
  }
  if (issues.length > 0) throw new ConfigError(issues);
}

/** Fastify's trustProxy value for TRUST_PROXY. */
export function trustProxy(values: readonly string[]): string[] | false {
  return values.length === 0 || values.includes('none') ? false : [...values];
}

import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { AppError } from '../http/errors.js';
import { cacheVerifiedTokens } from './token-cache.js';

export type Role = 'user' | 'admin';
const ROLES: readonly unknown[] = ['user', 'admin'] satisfies Role[];
const isRole = (value: unknown): value is Role => ROLES.includes(value);

/** Who made the request, as far as a verified token says. */
export interface AuthUser {
  id: string;
  role: Role;
  email?: string;
}

/** Asymmetric only: a verifier holding public keys must never accept a shared-secret or unsigned token. */
export type Algorithm = 'EdDSA' | 'ES256' | 'ES384' | 'RS256' | 'PS256';
const ASYMMETRIC: ReadonlySet<string> = new Set<Algorithm>([
  'EdDSA',
  'ES256',
  'ES384',
  'RS256',
  'PS256',
]);

export interface AuthOptions {
  jwksUrl: string;
  issuer: string;
  audience: string | string[];
  algorithms?: Algorithm[];
  clockToleranceSec?: number;
  /** Minimum time between JWKS refetches on an unknown key id (default 30 s), so forged kids cannot flood the issuer. */
  cooldownMs?: number;
  /** How long a fetched key set is trusted before it is fetched again (default 10 min). */
  cacheMaxAgeMs?: number;
  /** Budget of one JWKS fetch (default 5 s). */
  timeoutMs?: number;
  /** Verified tokens remembered until they expire (default 10 000; 0 turns it off). */
  cacheMax?: number;
}

export interface Auth {
  /** Verified user of a token; throws a 401 AppError for any bad token, 503 if keys are unreachable. */
  verify(token: string): Promise<AuthUser & { claims: JWTPayload }>;
}

/** Longer than any token our issuer signs; refuses to parse megabytes of junk. */
const MAX_TOKEN_LENGTH = 8192;

function invalidToken(detail: string, code = 'invalid_token', cause?: unknown): AppError {
  return new AppError(401, code, detail, {
    headers: { 'www-authenticate': `Bearer error="invalid_token"` },
    cause,
  });
}

/** Token problems are the caller's (401); failing to fetch the keys is ours (503). */
function classify(error: unknown): AppError {
  if (error instanceof errors.JWTExpired)
    return invalidToken('The token has expired.', 'token_expired', error);
  const infrastructure =
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === errors.JOSEError.code;
  if (infrastructure) {
    return new AppError(503, 'auth_unavailable', 'Signing keys cannot be fetched right now.', {
      cause: error,
      headers: { 'retry-after': '5' },
    });
  }
  return invalidToken('The token is not valid.', 'invalid_token', error);
}

function toUser(claims: JWTPayload): AuthUser {
  const { sub, role = 'user', email } = claims;
  if (typeof sub !== 'string' || sub === '') throw invalidToken('The token names no subject.');
  if (!isRole(role)) throw invalidToken('The token carries an unknown role.');
  return { id: sub, role, ...(typeof email === 'string' ? { email } : {}) };
}

export function createAuth(options: AuthOptions): Auth {
  const algorithms = options.algorithms ?? ['EdDSA', 'ES256'];
  const unsafe = algorithms.filter((alg) => !ASYMMETRIC.has(alg));
  if (algorithms.length === 0 || unsafe.length > 0) {
    throw new Error(
      `createAuth: only asymmetric algorithms are allowed, got ${algorithms.join(', ')}`,
    );
  }
  // Cached; an unknown kid triggers a refetch (after the cooldown), so key rotation just works.
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });

  const verifier: Auth = {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) throw invalidToken('The token is too long.');
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSec ?? 30,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw classify(error);
      }
      return { ...toUser(claims), claims };
    },
  };
  const max = options.cacheMax ?? 10_000;
  return max > 0 ? cacheVerifiedTokens(verifier, { max }) : verifier;
}

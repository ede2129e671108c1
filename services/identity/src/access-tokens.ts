import { randomUUID } from 'node:crypto';
import type { Auth, AuthUser } from '@cinesync/kit/auth';
import { AppError } from '@cinesync/kit/http';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { type KeyStore, SIGNING_ALG } from './signing-keys.js';
import type { Role } from './users.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlMs: number;
}

export interface AccessToken {
  token: string;
  /** Seconds until it expires, as OAuth's `expires_in`. */
  expiresIn: number;
}

/** Signs short-lived access JWTs with the active key; `kid` tells verifiers which key. */
export class AccessTokens {
  constructor(
    private readonly keys: KeyStore,
    private readonly settings: TokenSettings,
    private readonly clock: () => Date,
  ) {}

  /** `name` carries the display name so other services can show authors without a lookup. */
  async issue(user: {
    id: string;
    role: Role;
    email: string;
    displayName: string;
  }): Promise<AccessToken> {
    const key = await this.keys.signingKey();
    const now = Math.floor(this.clock().getTime() / 1000);
    const expiresIn = Math.floor(this.settings.ttlMs / 1000);
    const token = await new SignJWT({ role: user.role, email: user.email, name: user.displayName })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { token, expiresIn };
  }
}

const MAX_TOKEN_LENGTH = 8192;

function invalidToken(detail: string, code = 'invalid_token', cause?: unknown): AppError {
  return new AppError(401, code, detail, {
    headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    cause,
  });
}

function isRole(value: unknown): value is Role {
  return value === 'user' || value === 'admin';
}

/**
 * The kit's Auth, verified against this service's own key store instead of fetching its JWKS
 * over HTTP. Same rules as the kit verifier: EdDSA only, issuer, audience, sub and exp required.
 */
export function createLocalAuth(keys: KeyStore, settings: Omit<TokenSettings, 'ttlMs'>): Auth {
  return {
    async verify(token) {
      if (token.length > MAX_TOKEN_LENGTH) throw invalidToken('The token is too long.');
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(
          token,
          async (header) => {
            const key = await keys.verificationKey(header.kid);
            if (!key) throw new errors.JWKSNoMatchingKey();
            return key;
          },
          {
            issuer: settings.issuer,
            audience: settings.audience,
            algorithms: [SIGNING_ALG],
            clockTolerance: 30,
            requiredClaims: ['sub', 'exp'],
          },
        ));
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw invalidToken('The token has expired.', 'token_expired', error);
        }
        if (error instanceof errors.JOSEError) {
          throw invalidToken('The token is not valid.', 'invalid_token', error);
        }
        throw error;
      }
      const { sub, role, email } = claims;
      if (typeof sub !== 'string' || sub === '') throw invalidToken('The token names no subject.');
      if (!isRole(role)) throw invalidToken('The token carries an unknown role.');
      const user: AuthUser = { id: sub, role, ...(typeof email === 'string' ? { email } : {}) };
      return { ...user, claims };
    },
  };
}

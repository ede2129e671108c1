import type { Db, Tx } from '@cinesync/kit/db';
import { unauthorized } from '@cinesync/kit/http';
import { uuidv7 } from '@cinesync/kit/outbox';
import type { AccessTokens } from './access-tokens.js';
import { normalizeEmail } from './email.js';
import type { LoginThrottle } from './login-throttle.js';
import { type DummyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens.js';
import * as repo from './repository.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface AuthServiceDeps {
  db: Db;
  accessTokens: AccessTokens;
  throttle: LoginThrottle;
  dummyHash: DummyHash;
  clock: () => Date;
  refreshTtlMs: number;
}

/** One message for unknown email and wrong password alike: no hint which accounts exist. */
const badCredentials = () =>
  unauthorized('The email or password is not correct.', 'invalid_credentials');
const badRefreshToken = () =>
  unauthorized('The refresh token is not valid; sign in again.', 'invalid_refresh_token');

type RefreshOutcome =
  | { ok: true; user: repo.UserRecord; refreshToken: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/** Sign-in, refresh-token rotation with reuse detection, sign-out. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async login(credentials: { email: string; password: string }, ip: string): Promise<TokenPair> {
    const email = normalizeEmail(credentials.email);
    await this.deps.throttle.admit({ email, ip });
    const user = await repo.findUserByEmail(this.deps.db, email);
    const ok = user
      ? await verifyPassword(user.passwordHash, credentials.password)
      : await this.deps.dummyHash.verify(credentials.password);
    if (!user || !ok) {
      await this.deps.throttle.failed({ email, ip });
      throw badCredentials();
    }
    if (needsRehash(user.passwordHash)) {
      await repo.updatePasswordHash(
        this.deps.db,
        user.id,
        await hashPassword(credentials.password),
      );
    }
    const refreshToken = await this.deps.db.transaction((tx) =>
      this.saveRefreshToken(tx, user.id, uuidv7()),
    );
    return this.pair(user, refreshToken);
  }

  /**
   * Hands out a new refresh token for the old one, in the same family. A token that was already
   * rotated means two parties hold it, one of them probably a thief: the whole family is revoked,
   * so both must sign in again. The revocation commits before the 401 is thrown.
   */
  async refresh(presented: string): Promise<TokenPair> {
    const now = this.deps.clock();
    const outcome = await this.deps.db.transaction(async (tx): Promise<RefreshOutcome> => {
      const token = await repo.findRefreshTokenForUpdate(tx, hashRefreshToken(presented));
      if (!token) return { ok: false, reason: 'unknown' };
      if (token.revokedAt) return { ok: false, reason: 'revoked' };
      if (token.rotatedAt) {
        await repo.revokeFamily(tx, token.familyId, now);
        return { ok: false, reason: 'reused' };
      }
      if (token.expiresAt <= now) return { ok: false, reason: 'expired' };
      const user = await repo.findUserById(tx, token.userId);
      if (!user) return { ok: false, reason: 'unknown' };
      await repo.markRotated(tx, token.id, now);
      return {
        ok: true,
        user,
        refreshToken: await this.saveRefreshToken(tx, user.id, token.familyId),
      };
    });
    if (!outcome.ok) throw badRefreshToken();
    return this.pair(outcome.user, outcome.refreshToken);
  }

  /** Revokes the token's whole family; an unknown token is not an error (sign-out is idempotent). */
  async logout(presented: string): Promise<void> {
    const now = this.deps.clock();
    await this.deps.db.transaction(async (tx) => {
      const token = await repo.findRefreshTokenForUpdate(tx, hashRefreshToken(presented));
      if (token) await repo.revokeFamily(tx, token.familyId, now);
    });
  }

  /** Deletes refresh tokens that expired more than a day ago (reuse of those is moot). */
  pruneExpired(): Promise<number> {
    return repo.deleteRefreshTokensExpiredBefore(
      this.deps.db,
      new Date(this.deps.clock().getTime() - 86_400_000),
    );
  }

  private async saveRefreshToken(tx: Tx, userId: string, familyId: string): Promise<string> {
    const token = newRefreshToken();
    const createdAt = this.deps.clock();
    await repo.insertRefreshToken(tx, {
      id: uuidv7(),
      familyId,
      userId,
      hash: hashRefreshToken(token),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + this.deps.refreshTtlMs),
    });
    return token;
  }

  private async pair(user: repo.UserRecord, refreshToken: string): Promise<TokenPair> {
    const access = await this.deps.accessTokens.issue(user);
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
    };
  }
}

import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: guessing one is hopeless, so refresh needs no throttling of its own. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps. A fast hash is enough here (unlike passwords): the token is
 * high-entropy, so a leaked table cannot be brute-forced back into tokens.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

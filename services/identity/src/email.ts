/**
 * Deliberately plain: one @, a local part without spaces, a domain with a dot. The real test of
 * an address is mail reaching it; this only catches typos. Same shape as the JSON-schema
 * `email` format the HTTP layer checks first.
 */
const EMAIL = /^[^\s@]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const MAX_EMAIL_LENGTH = 254;

export function normalizeEmail(email: string): string {
  return email.trim();
}

export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email);
}

/** Limiter keys and comparisons: one spelling per mailbox as far as we treat them. */
export function emailKey(email: string): string {
  return normalizeEmail(email).toLowerCase();
}

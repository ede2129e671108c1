import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The 1000 most common passwords of 8+ characters, in order of frequency, from the breach corpus
 * list Django ships (django/contrib/auth/common-passwords.txt.gz, BSD licence). Shorter ones are
 * already refused by the length rule.
 */
const LIST_FILE = new URL('../data/common-passwords.txt', import.meta.url);

export function loadCommonPasswords(file: URL = LIST_FILE): ReadonlySet<string> {
  const words = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '');
  return new Set(words);
}

/** NIST SP 800-63B style: length and a block-list, no composition rules. */
export class PasswordPolicy {
  constructor(private readonly common: ReadonlySet<string>) {}

  /** Why the password is refused, in words for the person choosing it; undefined when it is fine. */
  problem(password: string, email: string): string | undefined {
    const length = [...password].length;
    if (length < MIN_PASSWORD_LENGTH) {
      return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
    }
    if (length > MAX_PASSWORD_LENGTH)
      return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
    const lower = password.toLowerCase();
    if (this.common.has(lower)) return 'is one of the most common passwords; choose another';
    const mailbox = email.toLowerCase();
    const local = mailbox.split('@')[0] ?? '';
    if (lower === mailbox || lower === local) return 'must not be your email address';
    return undefined;
  }
}

import { createHash } from 'node:crypto';
import { tooManyRequests } from '@cinesync/kit/http';
import type { Limiter, TakeResult } from '@cinesync/kit/limiter';
import type { IdentityConfig } from './config.js';
import { emailKey } from './email.js';

export interface BucketSpec {
  /** Limiter namespace, e.g. `login-ip`. */
  prefix: string;
  capacity: number;
  refillPerSec: number;
}

export type BucketName =
  | 'loginIp'
  | 'loginAccount'
  | 'loginPairShort'
  | 'loginPairLong'
  | 'registerIp';

export type ThrottleLimiters = Record<BucketName, Limiter>;

/**
 * The numbers (README, "Login throttling"):
 * - loginIp: every sign-in attempt from one client IP; LOGIN_IP_BURST, then LOGIN_IP_PER_MINUTE.
 * - loginAccount: every attempt on one account from anywhere: 50, then 50 an hour. Caps a
 *   distributed guesser at ~1 200 guesses a day per account; a person never signs in that often.
 * - loginPairShort / loginPairLong: failed attempts on one account from one IP: 5 at once, then
 *   one every 30 s, and after 20 failures one every 10 minutes. The wait grows from nothing to
 *   30 s to 10 min as failures pile up; it is keyed by IP too, so an attacker elsewhere does not
 *   slow the real user down, and buckets refill, so nobody is locked out for good.
 * - registerIp: sign-ups from one IP (each costs an Argon2 hash).
 */
export function bucketSpecs(config: IdentityConfig): Record<BucketName, BucketSpec> {
  return {
    loginIp: {
      prefix: 'login-ip',
      capacity: config.LOGIN_IP_BURST,
      refillPerSec: config.LOGIN_IP_PER_MINUTE / 60,
    },
    loginAccount: { prefix: 'login-account', capacity: 50, refillPerSec: 50 / 3600 },
    loginPairShort: { prefix: 'login-pair-short', capacity: 5, refillPerSec: 1 / 30 },
    loginPairLong: { prefix: 'login-pair-long', capacity: 20, refillPerSec: 1 / 600 },
    registerIp: {
      prefix: 'register-ip',
      capacity: config.REGISTER_IP_BURST,
      refillPerSec: config.REGISTER_IP_PER_MINUTE / 60,
    },
  };
}

/** Emails do not belong in Redis key names; a digest keys the same bucket. */
function accountKey(email: string): string {
  return createHash('sha256').update(emailKey(email)).digest('base64url').slice(0, 22);
}

function refused(result: TakeResult, what: string): never {
  throw tooManyRequests(
    `Too many ${what}. Try again in ${Math.ceil(result.retryAfterMs / 1000)} seconds.`,
    result.retryAfterMs / 1000,
  );
}

export interface Attempt {
  email: string;
  ip: string;
}

export class LoginThrottle {
  constructor(
    private readonly limiters: ThrottleLimiters,
    private readonly specs: Record<BucketName, BucketSpec>,
  ) {}

  /**
   * Before checking a password: charges the attempt to the IP and account buckets and checks,
   * without charging, that the failure buckets of this account from this IP still have room.
   * Throws 429 with Retry-After when any bucket is empty.
   */
  async admit({ email, ip }: Attempt): Promise<void> {
    const account = accountKey(email);
    const perIp = await this.limiters.loginIp.take(ip);
    if (!perIp.allowed) refused(perIp, 'sign-in attempts from your network');
    const pair = `${ip} ${account}`;
    for (const name of ['loginPairShort', 'loginPairLong'] as const) {
      const wait = await this.peek(name, pair);
      if (wait > 0) {
        throw tooManyRequests(
          `Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} seconds.`,
          wait / 1000,
        );
      }
    }
    const perAccount = await this.limiters.loginAccount.take(account);
    if (!perAccount.allowed) refused(perAccount, 'sign-in attempts on this account');
  }

  /** After a wrong password (or unknown email): only failures fill the slow-down buckets. */
  async failed({ email, ip }: Attempt): Promise<void> {
    const pair = `${ip} ${accountKey(email)}`;
    await this.limiters.loginPairShort.take(pair);
    await this.limiters.loginPairLong.take(pair);
  }

  /** Charges one registration to the IP's bucket. */
  async admitRegistration(ip: string): Promise<void> {
    const result = await this.limiters.registerIp.take(ip);
    if (!result.allowed) refused(result, 'sign-ups from your network');
  }

  /**
   * Milliseconds until the bucket holds a whole token, without taking one. A take of 0 reports
   * the time until full; the time until one token follows from the bucket's rate.
   */
  private async peek(name: BucketName, key: string): Promise<number> {
    const { remaining, resetMs } = await this.limiters[name].take(key, 0);
    if (remaining >= 1) return 0;
    const { capacity, refillPerSec } = this.specs[name];
    return Math.max(1, Math.ceil(resetMs - ((capacity - 1) * 1000) / refillPerSec));
  }
}

/** One limiter per bucket, opened with `open` (the service context's, or a test's). */
export async function openThrottleLimiters(
  specs: Record<BucketName, BucketSpec>,
  open: (spec: BucketSpec) => Promise<Limiter>,
): Promise<ThrottleLimiters> {
  return {
    loginIp: await open(specs.loginIp),
    loginAccount: await open(specs.loginAccount),
    loginPairShort: await open(specs.loginPairShort),
    loginPairLong: await open(specs.loginPairLong),
    registerIp: await open(specs.registerIp),
  };
}

import { loadConfig } from '@cinesync/kit/config';
import { AppError } from '@cinesync/kit/http';
import { MemoryLimiter } from '@cinesync/kit/limiter';
import { beforeEach, describe, expect, it } from 'vitest';
import { identityConfig } from '../src/config.js';
import { bucketSpecs, LoginThrottle, openThrottleLimiters } from '../src/login-throttle.js';

let ms = 0;
let throttle: LoginThrottle;

beforeEach(async () => {
  ms = 1_000_000;
  const specs = bucketSpecs(loadConfig(identityConfig, { LOGIN_IP_BURST: '100' }));
  const limiters = await openThrottleLimiters(
    specs,
    async (spec) => new MemoryLimiter({ ...spec, now: () => ms }),
  );
  throttle = new LoginThrottle(limiters, specs);
});

const victim = { email: 'Victim@example.com', ip: '198.51.100.7' };

/** The Retry-After of a refused attempt in seconds, or 0 when admitted. */
async function attempt(who = victim): Promise<number> {
  try {
    await throttle.admit(who);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 429) throw error;
    return Number(error.headers['retry-after']);
  }
}

async function fail(times: number, who = victim): Promise<void> {
  for (let i = 0; i < times; i++) {
    expect(await attempt(who)).toBe(0);
    await throttle.failed(who);
  }
}

describe('login throttle', () => {
  it('slows failures down: 5 at once, then one per 30 s, then one per 10 minutes', async () => {
    await fail(5);
    expect(await attempt()).toBe(30);
    ms += 29_000;
    expect(await attempt()).toBe(1);
    ms += 1_000;
    await fail(1);
    // 6 failures so far; keep going at the 30 s pace until the long bucket (20) runs dry.
    for (let i = 0; i < 14; i++) {
      ms += 30_000;
      await fail(1);
    }
    ms += 30_000;
    const wait = await attempt();
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(600);
    // Nobody is locked out for good: the buckets refill.
    ms += wait * 1000;
    expect(await attempt()).toBe(0);
  });

  it('keys the slow-down by account and IP: the real user elsewhere is not slowed', async () => {
    await fail(5);
    expect(await attempt()).toBeGreaterThan(0);
    expect(await attempt({ ...victim, ip: '203.0.113.9' })).toBe(0);
    expect(await attempt({ ...victim, email: 'someone.else@example.com' })).toBe(0);
    // Same account whatever the case of the email.
    expect(await attempt({ ...victim, email: ' victim@EXAMPLE.com ' })).toBeGreaterThan(0);
  });

  it('successful sign-ins do not count as failures', async () => {
    for (let i = 0; i < 10; i++) expect(await attempt()).toBe(0);
  });

  it('caps every attempt on one account from all IPs at 50, then 50 an hour', async () => {
    for (let i = 0; i < 50; i++) {
      expect(await attempt({ ...victim, ip: `10.0.${i}.1` })).toBe(0);
    }
    expect(await attempt({ ...victim, ip: '10.9.9.9' })).toBe(72);
    ms += 72_000;
    expect(await attempt({ ...victim, ip: '10.9.9.9' })).toBe(0);
  });

  it('caps attempts per IP across accounts', async () => {
    const specs = bucketSpecs(loadConfig(identityConfig, {}));
    const limiters = await openThrottleLimiters(
      specs,
      async (spec) => new MemoryLimiter({ ...spec, now: () => ms }),
    );
    const strict = new LoginThrottle(limiters, specs);
    for (let i = 0; i < 20; i++) await strict.admit({ email: `u${i}@example.com`, ip: victim.ip });
    await expect(strict.admit({ email: 'u99@example.com', ip: victim.ip })).rejects.toMatchObject({
      status: 429,
      headers: { 'retry-after': '6' },
    });
  });
});

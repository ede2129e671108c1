import { describe, expect, it } from 'vitest';
import { unauthorized } from '../http/index.js';
import { cacheVerifiedTokens } from './token-cache.js';
import type { Auth } from './verifier.js';

/** A verifier that counts its calls; tokens look like `<user>:<exp seconds>` or `bad`. */
function countingAuth() {
  const calls: string[] = [];
  const auth: Auth = {
    async verify(token) {
      calls.push(token);
      const [id = '', exp] = token.split(':');
      if (id === 'bad') throw unauthorized('bad token', 'invalid_token');
      return { id, role: 'user', claims: { sub: id, exp: Number(exp) } };
    },
  };
  return { auth, calls };
}

describe('cacheVerifiedTokens', () => {
  it('verifies a token once while it is valid, then again once it expired', async () => {
    let clock = 1_000_000;
    const { auth, calls } = countingAuth();
    const cached = cacheVerifiedTokens(auth, { now: () => clock });
    const token = `u1:${1_000_000 / 1000 + 60}`;
    expect((await cached.verify(token)).id).toBe('u1');
    expect((await cached.verify(token)).id).toBe('u1');
    expect(calls).toEqual([token]);
    clock += 61_000;
    await cached.verify(token);
    expect(calls).toEqual([token, token]);
  });

  it('never remembers a failure', async () => {
    const { auth, calls } = countingAuth();
    const cached = cacheVerifiedTokens(auth);
    await expect(cached.verify('bad')).rejects.toMatchObject({ status: 401 });
    await expect(cached.verify('bad')).rejects.toMatchObject({ status: 401 });
    expect(calls).toEqual(['bad', 'bad']);
  });

  it('forgets the oldest token beyond its bound', async () => {
    const { auth, calls } = countingAuth();
    const cached = cacheVerifiedTokens(auth, { max: 2 });
    const exp = Math.floor(Date.now() / 1000) + 600;
    for (const id of ['a', 'b', 'c', 'c', 'b', 'a']) await cached.verify(`${id}:${exp}`);
    expect(calls.map((token) => token[0])).toEqual(['a', 'b', 'c', 'a']);
  });
});

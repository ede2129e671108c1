import { describe, expect, it } from 'vitest';
import { DummyHash, hashPassword, needsRehash, verifyPassword } from '../src/passwords.js';

describe('password hashing', () => {
  it('is Argon2id with the OWASP parameters, salted, and verifies', async () => {
    const [first, second] = await Promise.all([
      hashPassword('s3cret pass'),
      hashPassword('s3cret pass'),
    ]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(needsRehash(first ?? '')).toBe(false);
    expect(await verifyPassword(first ?? '', 's3cret pass')).toBe(true);
    expect(await verifyPassword(first ?? '', 's3cret pasS')).toBe(false);
  });

  it('treats a malformed or weaker stored hash safely', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('the dummy hash never matches', async () => {
    const dummy = new DummyHash();
    expect(await dummy.verify('')).toBe(false);
    expect(await dummy.warm()).toMatch(/^\$argon2id\$/);
  });
});

import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../src/email.js';
import { loadCommonPasswords, PasswordPolicy } from '../src/password-policy.js';

const common = loadCommonPasswords();
const policy = new PasswordPolicy(common);
const email = 'Ada.Lovelace@example.com';

describe('password policy', () => {
  it('ships a list of common passwords, all long enough to get past the length rule', () => {
    expect(common.size).toBe(1000);
    for (const word of common) expect(word.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses common passwords whatever their case', () => {
    expect(policy.problem('password1', email)).toMatch(/most common/);
    expect(policy.problem('QWERTYUIOP', email)).toMatch(/most common/);
    expect(policy.problem('iloveyou2', email)).toMatch(/most common/);
  });

  it('refuses too short, too long, and the email itself', () => {
    expect(policy.problem('Xy7!kq', email)).toMatch(/at least 8/);
    expect(policy.problem('x'.repeat(129), email)).toMatch(/at most 128/);
    expect(policy.problem('ada.lovelace@EXAMPLE.com', email)).toMatch(/email/);
    expect(policy.problem('ADA.LOVELACE', email)).toMatch(/email/);
  });

  it('counts characters, not UTF-16 units, and accepts long passphrases', () => {
    expect(policy.problem('🎬🎬🎬🎬🎬🎬🎬', email)).toMatch(/at least 8/);
    expect(policy.problem('🎬🎬🎬🎬🎬🎬🎬🎬', email)).toBeUndefined();
    expect(policy.problem('correct horse battery staple', email)).toBeUndefined();
  });
});

describe('email check', () => {
  it.each([
    ['ada@example.com', true],
    ['a.b+tag@sub.example.co.uk', true],
    ['no-at-sign.example.com', false],
    ['two@@example.com', false],
    ['space in@example.com', false],
    ['nodot@localhost', false],
    [`${'a'.repeat(65)}@example.com`, false],
  ])('%s → %s', (value, valid) => {
    expect(isValidEmail(value)).toBe(valid);
  });
});

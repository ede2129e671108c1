import { describe, expect, it } from 'vitest';
import { InvalidEventError, parseEvent, userRegistered } from '../index.js';

const valid = {
  version: 1,
  userId: '0190a3c4-1111-7aaa-8bbb-123456789abc',
  email: 'ada@example.com',
  displayName: 'Ada',
  occurredAt: '2025-01-02T03:04:05.000Z',
};

describe('identity.user.registered', () => {
  it('accepts a v1 payload, extra fields included (consumers must tolerate additions)', () => {
    expect(userRegistered.subject).toBe('identity.user.registered');
    expect(parseEvent(userRegistered, { ...valid, locale: 'en' })).toMatchObject(valid);
  });

  it('names every problem of a bad payload', () => {
    const bad = { ...valid, version: 2, userId: 'nope', occurredAt: undefined };
    expect(() => parseEvent(userRegistered, bad)).toThrow(InvalidEventError);
    try {
      parseEvent(userRegistered, bad);
    } catch (error) {
      const { problems } = error as InvalidEventError;
      expect(problems.join('\n')).toMatch(/\/version/);
      expect(problems.join('\n')).toMatch(/\/userId/);
      expect(problems.join('\n')).toMatch(/occurredAt/);
    }
  });
});

import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

/**
 * A new account was created (sign-up or the admin bootstrap). Key: the user id.
 * The notification service sends the welcome message from it.
 */
export const UserRegisteredV1 = Type.Object(
  {
    version: Type.Literal(1),
    userId: Type.String({ format: 'uuid' }),
    email: Type.String({ format: 'email' }),
    displayName: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
  },
  { title: 'identity.user.registered v1' },
);
export type UserRegisteredV1 = Static<typeof UserRegisteredV1>;

export const userRegistered = defineEvent('identity.user.registered', 1, UserRegisteredV1);

import { type Static, Type } from 'typebox';
import { MAX_EMAIL_LENGTH } from '../email.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../password-policy.js';
import { MAX_DISPLAY_NAME_LENGTH, type User } from '../users.js';

export const RoleSchema = Type.Union([Type.Literal('user'), Type.Literal('admin')], {
  description: 'Guests (no token) may only read; users write their own things; admins more.',
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String({ format: 'email' }),
    displayName: Type.String(),
    role: RoleSchema,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'User' },
);

export function userJson(user: User): Static<typeof UserSchema> {
  return { ...user, createdAt: user.createdAt.toISOString() };
}

const Email = Type.String({
  format: 'email',
  maxLength: MAX_EMAIL_LENGTH,
  examples: ['ada@example.com'],
});

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Type.String({
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: MAX_PASSWORD_LENGTH,
      description: '8–128 characters, not one of the most common passwords.',
    }),
    displayName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_DISPLAY_NAME_LENGTH,
        description: 'Defaults to the part of the email before @.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: MAX_EMAIL_LENGTH }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);

export const TokenPairSchema = Type.Object(
  {
    accessToken: Type.String({ description: 'JWT (EdDSA); send as `Authorization: Bearer …`.' }),
    refreshToken: Type.String({
      description: 'Opaque; single use: each refresh returns a new one.',
    }),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
  },
  { title: 'TokenPair' },
);

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const RoleBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });

/** Public keys only: the response schema drops any other member, such as a private `d`. */
export const JwksSchema = Type.Object(
  {
    keys: Type.Array(
      Type.Object({
        kty: Type.String(),
        crv: Type.String(),
        x: Type.String(),
        kid: Type.String(),
        alg: Type.String(),
        use: Type.String(),
      }),
    ),
  },
  { title: 'JWKS' },
);

export const RotatedSchema = Type.Object({
  kid: Type.String({ description: 'Id of the new signing key.' }),
});

export const NoContent = Type.Null({ description: 'Done; no body.' });

import type { Server } from '@cinesync/kit/http';
import type { AuthService } from '../auth-service.js';
import type { UserService } from '../users.js';
import {
  LoginBody,
  NoContent,
  RefreshBody,
  RegisterBody,
  TokenPairSchema,
  UserSchema,
  userJson,
} from './schemas.js';

const tags = ['auth'];

export function authRoutes(server: Server, users: UserService, auth: AuthService): void {
  server.post(
    '/api/v1/auth/register',
    {
      config: { allowGuest: true },
      schema: {
        tags,
        summary: 'Create an account',
        body: RegisterBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const user = await users.register(request.body, request.ip);
      return reply.code(201).send(userJson(user));
    },
  );

  server.post(
    '/api/v1/auth/login',
    {
      config: { allowGuest: true },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description:
          'Wrong email and wrong password give the same 401. Repeated failures slow down (429 with Retry-After).',
        body: LoginBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (request) => auth.login(request.body, request.ip),
  );

  server.post(
    '/api/v1/auth/refresh',
    {
      config: { allowGuest: true },
      schema: {
        tags,
        summary: 'Trade a refresh token for new tokens',
        description:
          'The presented refresh token is used up. Presenting one that was already used revokes its whole sign-in (401).',
        body: RefreshBody,
        response: { 200: TokenPairSchema },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );

  server.post(
    '/api/v1/auth/logout',
    {
      config: { allowGuest: true },
      schema: {
        tags,
        summary: 'Sign out: revoke the refresh token and every token rotated from it',
        body: RefreshBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );
}

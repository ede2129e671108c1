import { requireRole, requireUser } from '@cinesync/kit/auth';
import { type Server, unauthorized } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import type { UserService } from '../users.js';
import { RoleBody, UserIdParams, UserSchema, userJson } from './schemas.js';

const tags = ['users'];
const security = [{ bearerAuth: [] }];

function callerId(request: FastifyRequest): string {
  if (!request.user) throw unauthorized();
  return request.user.id;
}

export function userRoutes(server: Server, users: UserService): void {
  server.get(
    '/api/v1/users/me',
    {
      onRequest: requireUser,
      schema: { tags, security, summary: 'The signed-in user', response: { 200: UserSchema } },
    },
    async (request) => userJson(await users.get(callerId(request))),
  );

  server.patch(
    '/api/v1/users/:id/role',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags,
        security,
        summary: "Change a user's role (admins only)",
        description:
          'Takes effect at the user’s next token refresh (at most the access-token TTL). The last admin cannot be demoted (409).',
        params: UserIdParams,
        body: RoleBody,
        response: { 200: UserSchema },
      },
    },
    async (request) =>
      userJson(await users.changeRole(callerId(request), request.params.id, request.body.role)),
  );
}

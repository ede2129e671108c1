import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/errors.js';
import type { Auth, AuthUser, Role } from './verifier.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or null for a guest (no token). */
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    /** With `guestReadOnly`, lets guests call this writing route (login, sign-up). */
    allowGuest?: boolean;
  }
}

export interface InstallAuthOptions {
  /** Guests may only read: any other method without a token is 401 unless the route allows guests. */
  guestReadOnly?: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer +([^\s]+) *$/i.exec(header);
  if (!match?.[1])
    throw unauthorized('The Authorization header must be "Bearer <token>".', 'invalid_token');
  return match[1];
}

/**
 * Sets `request.user` on every request of this server (before the body is read): null without a
 * token, the verified user with a good one; a present but bad token is rejected with 401.
 */
export function installAuth(
  server: FastifyInstance,
  auth: Auth,
  options: InstallAuthOptions = {},
): void {
  server.decorateRequest('user', null);
  server.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    if (token !== undefined) {
      const { id, role, email } = await auth.verify(token);
      request.user = email === undefined ? { id, role } : { id, role, email };
      return;
    }
    request.user = null;
    if (
      options.guestReadOnly &&
      !READ_METHODS.has(request.method) &&
      !request.routeOptions.config.allowGuest
    ) {
      throw unauthorized('Sign in to make changes.');
    }
  });
}

/** Route hook: 401 for guests. Use as `onRequest` or `preHandler`. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.user) throw unauthorized();
}

/** Route hook: 401 for guests, 403 for users without one of the roles. */
export function requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (!request.user) throw unauthorized();
    if (!roles.includes(request.user.role))
      throw forbidden(`This needs the ${roles.join(' or ')} role.`);
  };
}

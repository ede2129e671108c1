import { unauthorized } from '@cinesync/kit/http';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME = 100;

/**
 * Claims of the caller's token. The kit's auth hook has already verified this very token before
 * any handler runs, so reading its payload again needs no second verification.
 */
function claims(request: FastifyRequest): Record<string, unknown> {
  const token = request.headers.authorization?.split(' ').pop() ?? '';
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_NAME) : undefined;

/**
 * The author name shown on reviews and comments: the token's `name` (display name), else
 * `preferred_username`, else the part of the e-mail before the @ (never the whole address).
 */
function displayName(request: FastifyRequest): string | null {
  const token = claims(request);
  const email = text(token.email);
  return text(token.name) ?? text(token.preferred_username) ?? email?.split('@')[0] ?? null;
}

/** The signed-in caller; 401 for guests. */
export function actorOf(request: FastifyRequest): Actor {
  const { user } = request;
  if (!user) throw unauthorized();
  // Ours is a uuid column: a subject identity could not have issued is a bad token, not a 500.
  if (!UUID.test(user.id)) throw unauthorized('The token names no valid user.', 'invalid_subject');
  return { id: user.id, role: user.role, name: displayName(request) };
}

/** The caller when signed in, else null (guests may read). */
export function viewerOf(request: FastifyRequest): Actor | null {
  return request.user ? actorOf(request) : null;
}

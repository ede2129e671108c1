import type { Auth } from './verifier.js';

type Verified = Awaited<ReturnType<Auth['verify']>>;

export interface TokenCacheOptions {
  /** Most tokens remembered; the oldest is forgotten first (default 10 000). */
  max?: number;
  now?: () => number;
}

/**
 * Remembers tokens that verified, until they expire. A signature check costs a few hundred µs of
 * CPU per request (docs/bench/gateway.md) while a client sends the same access token for up to 15
 * minutes. Only successes are kept, each no longer than its own `exp`, so a cached answer is
 * one the verifier would still give: keys leave the JWKS only after their tokens expired.
 * Failures are never cached (at the gateway the rate limit runs first, so they cannot be used
 * to flood).
 */
export function cacheVerifiedTokens(auth: Auth, options: TokenCacheOptions = {}): Auth {
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, { user: Verified; expiresAt: number }>();

  return {
    async verify(token) {
      const hit = verified.get(token);
      if (hit && hit.expiresAt > now()) return hit.user;
      verified.delete(token);
      const user = await auth.verify(token);
      const { exp } = user.claims;
      if (typeof exp === 'number') {
        if (verified.size >= max) {
          // Map iteration is insertion order: the first key is the oldest.
          const oldest = verified.keys().next();
          if (!oldest.done) verified.delete(oldest.value);
        }
        verified.set(token, { user, expiresAt: exp * 1000 });
      }
      return user;
    },
  };
}

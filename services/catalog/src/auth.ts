import type { Auth } from '@cinesync/kit/auth';
import { AppError } from '@cinesync/kit/http';

/**
 * Stands in when JWKS_URL is unset: guests still read, but no token can be checked, so a request
 * carrying one (every admin write) is refused as our fault (503), not the caller's.
 */
export function unconfiguredAuth(): Auth {
  return {
    async verify() {
      throw new AppError(
        503,
        'auth_unavailable',
        'Tokens cannot be verified here: the catalog has no JWKS_URL.',
      );
    },
  };
}

import { type Auth, createAuth } from '@cinesync/kit/auth';
import { AppError } from '@cinesync/kit/http';

export interface GatewayAuthOptions {
  jwksUrl: string | undefined;
  issuer: string;
  audience: string;
}

/**
 * The kit's verifier against the identity service's key set. With no key set configured a
 * token cannot be checked, so it is refused (503) rather than waved through; guests still pass.
 */
export function gatewayAuth(options: GatewayAuthOptions): Auth {
  if (options.jwksUrl === undefined) {
    return {
      verify: async () => {
        throw new AppError(
          503,
          'auth_unavailable',
          'Tokens cannot be verified: neither JWKS_URL nor IDENTITY_URL is configured.',
        );
      },
    };
  }
  return createAuth({
    jwksUrl: options.jwksUrl,
    issuer: options.issuer,
    audience: options.audience,
  });
}

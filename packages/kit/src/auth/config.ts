import { str, url } from '../config/index.js';
import { type Auth, createAuth } from './verifier.js';

/** The variables of a service that verifies identity's tokens; spread into its config schema. */
export const authSchema = {
  /** identity's key set, e.g. http://identity:8081/.well-known/jwks.json. */
  JWKS_URL: url(),
  JWT_ISSUER: str('cinesync-identity'),
  JWT_AUDIENCE: str('cinesync'),
} as const;

/** The verifier those variables describe. */
export function authFromConfig(config: {
  JWKS_URL: string;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
}): Auth {
  return createAuth({
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  });
}

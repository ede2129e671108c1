import { str, url } from '@cinesync/kit/config';

/** How every store service verifies the bearer tokens identity issues. */
export const storeAuthSchema = {
  /** identity's key set, e.g. http://identity:8081/.well-known/jwks.json. */
  JWKS_URL: url(),
  JWT_ISSUER: str('cinesync-identity'),
  JWT_AUDIENCE: str('cinesync'),
} as const;

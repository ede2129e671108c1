export { authFromConfig, authSchema } from './config.js';
export { type InstallAuthOptions, installAuth, requireRole, requireUser } from './hooks.js';
export { cacheVerifiedTokens, type TokenCacheOptions } from './token-cache.js';
export {
  type Algorithm,
  type Auth,
  type AuthOptions,
  type AuthUser,
  createAuth,
  type Role,
} from './verifier.js';

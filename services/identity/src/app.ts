import { installAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { createServer, type Server } from '@cinesync/kit/http';
import type { Logger } from '@cinesync/kit/log';
import { PollingWorker } from '@cinesync/kit/worker';
import { AccessTokens, createLocalAuth } from './access-tokens.js';
import { bootstrapAdmin } from './admin-bootstrap.js';
import { AuthService } from './auth-service.js';
import { checkIdentityConfig, type IdentityConfig, trustProxy } from './config.js';
import { bucketSpecs, LoginThrottle, type ThrottleLimiters } from './login-throttle.js';
import { loadCommonPasswords, PasswordPolicy } from './password-policy.js';
import { DummyHash } from './passwords.js';
import { authRoutes } from './routes/auth.js';
import { keyRoutes } from './routes/keys.js';
import { userRoutes } from './routes/users.js';
import { KeyStore } from './signing-keys.js';
import { UserService } from './users.js';

export interface AppDeps {
  db: Db;
  config: IdentityConfig;
  logger: Logger;
  /** One limiter per bucket of `bucketSpecs(config)`. */
  limiters: ThrottleLimiters;
  /** Wakes the outbox relay after a commit that wrote events. */
  notifyOutbox?: () => void;
  clock?: () => Date;
  version?: string;
}

/** Verifiers accept tokens up to 30 s past `exp`; a retired key outlives its last token by more. */
const CLOCK_LEEWAY_MS = 60_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * The identity HTTP app on a migrated database, not listening. At build: the signing key is
 * created (or rotated by age) and the ADMIN_EMAIL account is made an admin.
 */
export async function buildApp(deps: AppDeps): Promise<Server> {
  const { db, config, logger } = deps;
  checkIdentityConfig(config);
  const clock = deps.clock ?? (() => new Date());

  const keys = new KeyStore({
    db,
    clock,
    maxAgeMs: config.SIGNING_KEY_MAX_AGE,
    publishForMs: config.ACCESS_TOKEN_TTL + CLOCK_LEEWAY_MS,
  });
  await keys.signingKey();
  const tokenSettings = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  const accessTokens = new AccessTokens(
    keys,
    { ...tokenSettings, ttlMs: config.ACCESS_TOKEN_TTL },
    clock,
  );
  const dummyHash = new DummyHash();
  await dummyHash.warm();
  const throttle = new LoginThrottle(deps.limiters, bucketSpecs(config));
  const users = new UserService({
    db,
    policy: new PasswordPolicy(loadCommonPasswords()),
    clock,
    throttle,
    published: deps.notifyOutbox ?? (() => {}),
  });
  const auth = new AuthService({
    db,
    accessTokens,
    throttle,
    dummyHash,
    clock,
    refreshTtlMs: config.REFRESH_TOKEN_TTL,
  });
  if (config.ADMIN_EMAIL) {
    await bootstrapAdmin(users, config.ADMIN_EMAIL, config.ADMIN_PASSWORD, logger);
  }

  const server = await createServer({
    service: 'identity',
    version: deps.version,
    logger,
    trustProxy: trustProxy(config.TRUST_PROXY),
    ready: { database: () => db.ping() },
    openapi: {
      title: 'identity',
      description: 'Accounts, sign-in, tokens (JWT access + rotating refresh) and roles.',
    },
  });
  installAuth(server, createLocalAuth(keys, tokenSettings));
  authRoutes(server, users, auth);
  userRoutes(server, users);
  keyRoutes(server, keys);

  // Rounds never overlap, and shutdown waits for the one in flight before the database closes.
  const pruning = new PollingWorker({
    name: 'refresh token pruning',
    poll: async () => {
      await auth.pruneExpired();
      return false;
    },
    intervalMs: PRUNE_EVERY_MS,
    initialDelayMs: PRUNE_EVERY_MS,
    log: logger,
  });
  pruning.start();
  server.onShutdown('refresh token pruning', () => pruning.stop());
  return server;
}

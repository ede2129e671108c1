import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { identityConfig } from './config.js';
import { bucketSpecs, openThrottleLimiters } from './login-throttle.js';

export { type AppDeps, buildApp } from './app.js';
export { type IdentityConfig, identityConfig } from './config.js';

/** Accounts, sign-in and tokens; the JWKS every other service verifies against. */
export const service = defineService({
  name: 'identity',
  defaultPort: 8081,
  config: identityConfig,
  async build(ctx) {
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const relay = await ctx.outboxRelay(db);

    const limiters = await openThrottleLimiters(bucketSpecs(ctx.config), (spec) =>
      ctx.limiter(spec),
    );
    return buildApp({
      db,
      config: ctx.config,
      logger: ctx.logger,
      limiters,
      notifyOutbox: () => relay.notify(),
      version: ctx.version,
    });
  },
});

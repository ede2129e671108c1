import { storeAuthSchema } from '@cinesync/contracts/store';
import { createAuth } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { seedProducts } from './seed.js';

export { buildApp, type ProductDeps } from './app.js';

export const service = defineService({
  name: 'product',
  defaultPort: 8085,
  config: storeAuthSchema,
  async build(ctx) {
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const added = await seedProducts(db);
    if (added > 0) ctx.logger.info({ added }, 'demo products seeded');
    const auth = createAuth({
      jwksUrl: ctx.config.JWKS_URL,
      issuer: ctx.config.JWT_ISSUER,
      audience: ctx.config.JWT_AUDIENCE,
    });
    return buildApp({ db, auth, logger: ctx.logger, version: ctx.version });
  },
});

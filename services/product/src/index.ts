import { authFromConfig, authSchema } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { seedProducts } from './seed.js';

export { buildApp, type ProductDeps } from './app.js';

export const service = defineService({
  name: 'product',
  defaultPort: 8085,
  config: authSchema,
  async build(ctx) {
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const added = await seedProducts(db);
    if (added > 0) ctx.logger.info({ added }, 'demo products seeded');
    const auth = authFromConfig(ctx.config);
    return buildApp({ db, auth, logger: ctx.logger, version: ctx.version });
  },
});

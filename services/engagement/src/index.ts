import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { createCatalogClient } from './catalog-client.js';
import { engagementConfig } from './config.js';

export { type AppDeps, buildApp } from './app.js';
export { type CatalogClient, createCatalogClient, type FilmRef } from './catalog-client.js';
export { engagementConfig } from './config.js';

export const service = defineService({
  name: 'engagement',
  defaultPort: 8083,
  config: engagementConfig,
  async build(ctx) {
    const { config, logger } = ctx;
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const relay = await ctx.outboxRelay(db);
    if (!config.CATALOG_URL) logger.warn('CATALOG_URL is not set: bookmarking will answer 503');
    const catalog = createCatalogClient({
      baseUrl: config.CATALOG_URL,
      timeoutMs: config.CATALOG_TIMEOUT,
      breakerFailures: config.CATALOG_BREAKER_FAILURES,
      breakerResetMs: config.CATALOG_BREAKER_RESET,
      cache: await ctx.cache(),
      cacheTtlMs: config.CATALOG_CACHE_TTL,
      onBreakerChange: (to, from) => logger.warn({ to, from }, 'catalog circuit changed state'),
    });
    ctx.onClose('catalog client', () => catalog.close());
    const auth = authFromConfig(config);
    return buildApp({
      db,
      catalog,
      auth,
      logger,
      version: ctx.version,
      published: () => relay.notify(),
    });
  },
});

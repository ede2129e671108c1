import { createAuth } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { unconfiguredAuth } from './auth.js';
import { Catalog } from './catalog.js';
import { catalogConfig } from './config.js';
import { hasTrigram, openCatalogDb } from './db.js';
import { readDemoFilms } from './demo/demo-films.js';
import { loadDemoIfEmpty } from './demo/load-demo.js';
import { consumeRatings } from './ratings.js';
import { TmdbClient } from './tmdb/client.js';

export { type AppDeps, buildApp } from './app.js';
export { Catalog, type CatalogOptions } from './catalog.js';
export { catalogConfig } from './config.js';

/** Films, people and genres: search, admin edits, TMDB upstream, the demo catalog. */
export const service = defineService({
  name: 'catalog',
  defaultPort: 8082,
  config: catalogConfig,
  async build(ctx) {
    const { config, logger } = ctx;
    const db = await openCatalogDb(ctx);
    const trigram = await hasTrigram(db);
    if (!trigram) logger.warn('pg_trgm is not installed: search runs without typo tolerance');

    if (config.CATALOG_DEMO_DATA) {
      const started = performance.now();
      const loaded = await loadDemoIfEmpty(db, await readDemoFilms());
      const ms = Math.round(performance.now() - started);
      if (loaded > 0) logger.info({ films: loaded, ms }, 'demo catalog loaded');
    }

    const bus = await ctx.bus();
    const relay = await ctx.outboxRelay(db);
    const ratings = consumeRatings(db, bus);
    ctx.onClose('ratings consumer', () => ratings.stop());

    let tmdb: { client: TmdbClient; imageBaseUrl: string } | undefined;
    if (config.TMDB_API_KEY) {
      const client = new TmdbClient({
        baseUrl: config.TMDB_BASE_URL,
        apiKey: config.TMDB_API_KEY,
        cache: await ctx.cache(),
        cacheTtlMs: config.TMDB_CACHE_TTL,
        timeoutMs: config.TMDB_TIMEOUT,
        onBreakerChange: (to, from) => logger.warn({ to, from }, 'TMDB circuit changed state'),
      });
      ctx.onClose('tmdb client', () => client.close());
      tmdb = { client, imageBaseUrl: config.TMDB_IMAGE_BASE_URL };
    }

    const auth = config.JWKS_URL
      ? createAuth({
          jwksUrl: config.JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
        })
      : unconfiguredAuth();
    if (!config.JWKS_URL) logger.warn('JWKS_URL is not set: admin writes will answer 503');

    const catalog = new Catalog({
      db,
      trigram,
      tmdb,
      published: () => relay.notify(),
      logger,
    });
    return buildApp({
      catalog,
      auth,
      logger,
      version: ctx.version,
      ready: { database: () => db.ping() },
    });
  },
});

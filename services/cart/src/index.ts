import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { cartSchema } from './config.js';
import { wireCart } from './wiring.js';

export { buildApp, type CartDeps } from './app.js';
export { Cart } from './cart.js';
export { type CartWiring, wireCart } from './wiring.js';

export const service = defineService({
  name: 'cart',
  defaultPort: 8086,
  config: cartSchema,
  async build(ctx) {
    const { config } = ctx;
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const productLimiter = await ctx.limiter({
      prefix: 'product-rps',
      capacity: config.PRODUCT_BURST ?? config.PRODUCT_RPS,
      refillPerSec: config.PRODUCT_RPS,
    });
    const wired = wireCart({
      db,
      productUrl: config.PRODUCT_URL,
      ordersUrl: config.ORDERS_URL,
      cache: await ctx.cache(),
      productLimiter,
      productCacheTtlMs: config.PRODUCT_CACHE_TTL,
      listConcurrency: config.CART_LIST_CONCURRENCY,
    });
    ctx.onClose('rpc clients', async () => wired.close());
    const auth = authFromConfig(config);
    return buildApp({
      db,
      cart: wired.cart,
      auth,
      logger: ctx.logger,
      requestTimeoutMs: config.CART_REQUEST_TIMEOUT,
      version: ctx.version,
    });
  },
});

import { OrderService, ProductService } from '@cinesync/contracts/store';
import type { Cache } from '@cinesync/kit/cache';
import type { Db } from '@cinesync/kit/db';
import { createRpcTransport } from '@cinesync/kit/grpc';
import type { Limiter } from '@cinesync/kit/limiter';
import { createClient, type Interceptor } from '@connectrpc/connect';
import { Cart } from './cart.js';
import { grpcOrderPlacer } from './orders.js';
import { cachedProductLookup } from './products.js';
import { rateLimitInterceptor } from './rate-limit.js';

export interface CartWiring {
  db: Db;
  productUrl: string;
  ordersUrl: string;
  cache: Cache;
  /** Bucket shared by the replicas: capacity PRODUCT_BURST, refill PRODUCT_RPS. */
  productLimiter: Limiter;
  productCacheTtlMs: number;
  listConcurrency: number;
  /** Extra interceptors on the product client, closest to the wire (tests count calls here). */
  productInterceptors?: Interceptor[];
  onRateLimitWait?: (ms: number) => void;
}

/**
 * The cart with its real clients: gRPC to product (rate limited, behind the cache) and to orders.
 * `close` drops their HTTP/2 connections.
 */
export function wireCart(wiring: CartWiring): { cart: Cart; close(): void } {
  const product = createRpcTransport(wiring.productUrl, [
    rateLimitInterceptor(wiring.productLimiter, {
      key: 'product-service',
      onWait: wiring.onRateLimitWait,
    }),
    ...(wiring.productInterceptors ?? []),
  ]);
  const orders = createRpcTransport(wiring.ordersUrl);
  const cart = new Cart({
    db: wiring.db,
    products: cachedProductLookup(
      createClient(ProductService, product.transport),
      wiring.cache,
      wiring.productCacheTtlMs,
    ),
    orders: grpcOrderPlacer(createClient(OrderService, orders.transport)),
    concurrency: wiring.listConcurrency,
  });
  return {
    cart,
    close() {
      product.close();
      orders.close();
    },
  };
}

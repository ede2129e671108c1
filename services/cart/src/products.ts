import { type Amount, fromMoney, type ProductService } from '@cinesync/contracts/store';
import type { Cache } from '@cinesync/kit/cache';
import { type Caller, callOptions, fromConnectError } from '@cinesync/kit/grpc';
import type { Client } from '@connectrpc/connect';

/** What the cart needs to know about a product; also what is cached, so plain JSON. */
export interface ProductInfo {
  sku: number;
  name: string;
  price: Amount;
}

export interface ProductLookup {
  /** The product, or a 404 `product_not_found` AppError. */
  get(sku: number, caller: Caller): Promise<ProductInfo>;
}

/**
 * Cache-aside over ProductService.GetProduct. Names and prices are read by every cart listing and
 * change rarely, so they are the one thing worth caching: keyed by SKU (spread over the Redis
 * shards by the kit's consistent-hash ring) for `ttlMs`. A hit costs no call, so no rate-limit
 * token either. An unknown SKU is not cached (the load throws), so a product added later shows up.
 * Concurrent misses for one SKU in this process share one call (the cache's single-flight).
 */
export function cachedProductLookup(
  client: Client<typeof ProductService>,
  cache: Cache,
  ttlMs: number,
): ProductLookup {
  return {
    get(sku, caller) {
      return cache.getOrLoad(`product:v1:${sku}`, ttlMs, async (): Promise<ProductInfo> => {
        try {
          const { product } = await client.getProduct({ sku }, callOptions(caller));
          if (!product) throw new Error(`product ${sku}: empty response`);
          return { sku: product.sku, name: product.name, price: fromMoney(product.price) };
        } catch (error) {
          throw fromConnectError(error, 'The product service');
        }
      });
    },
  };
}

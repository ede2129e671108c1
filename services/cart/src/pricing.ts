import type { Caller } from '@cinesync/kit/grpc';
import { mapConcurrent } from '@cinesync/kit/resilience';
import type { CartItem } from './cart.js';
import type { ProductLookup } from './products.js';
import type { CartLine } from './repository.js';

/**
 * Names and prices for every line, fetched through the kit's bounded worker pool (mapConcurrent),
 * which guarantees what this relies on:
 * - results[i] belongs to lines[i] whatever order the lookups finish in, so the cart keeps its
 *   order without sorting;
 * - at most `concurrency` lookups are in flight, so one big cart cannot flood the product service
 *   (the rate limiter then spaces out the calls that miss the cache);
 * - the first failure (an unknown SKU, the product service down) aborts the signal handed to the
 *   other lookups, starts no more, and is what this rejects with;
 * - it settles only after every started lookup has, so no work of this request is still running
 *   once it has answered. The caller's own signal (client gone, deadline) stops it all the same.
 */
export function priceLines(
  lines: readonly CartLine[],
  products: ProductLookup,
  caller: Caller,
  concurrency: number,
): Promise<CartItem[]> {
  return mapConcurrent(
    lines,
    concurrency,
    async (line, signal) => {
      // The pool's signal also aborts with the caller's, so lookups stop on either.
      const product = await products.get(line.sku, { ...caller, signal });
      return { ...product, count: line.count };
    },
    { signal: caller.signal },
  );
}

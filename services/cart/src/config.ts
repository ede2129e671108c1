import { authSchema } from '@cinesync/kit/auth';
import { duration, int, optional, url } from '@cinesync/kit/config';

export const cartSchema = {
  ...authSchema,
  /** The product service (gRPC over h2c on this address). */
  PRODUCT_URL: url(),
  /** The orders service (gRPC over h2c on this address). */
  ORDERS_URL: url(),
  /** Calls to the product service per second, shared by every cart replica (Redis when REDIS_URL is set). */
  PRODUCT_RPS: int({ min: 1 }, 10),
  /** Calls that may go out at once after a quiet spell; unset → PRODUCT_RPS. */
  PRODUCT_BURST: optional(int({ min: 1 })),
  /** How long a product's name and price are cached. */
  PRODUCT_CACHE_TTL: duration('5m'),
  /** Product lookups one cart listing runs at once. */
  CART_LIST_CONCURRENCY: int({ min: 1, max: 64 }, 8),
  /** Budget of one cart request, downstream calls and rate-limit waits included. */
  CART_REQUEST_TIMEOUT: duration('5s'),
} as const;

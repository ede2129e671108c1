import { ProductService } from '@cinesync/contracts/store';
import { MemoryLimiter } from '@cinesync/kit/limiter';
import { Code, ConnectError, createClient, createRouterTransport } from '@connectrpc/connect';
import { describe, expect, it } from 'vitest';
import { rateLimitInterceptor } from '../src/rate-limit.js';

/** An in-memory ProductService behind the interceptor, counting the calls that get through. */
function limitedClient(limiter: MemoryLimiter, waits: number[]) {
  const served: number[] = [];
  const transport = createRouterTransport(
    (router) => {
      router.service(ProductService, {
        getProduct(request) {
          served.push(request.sku);
          return { product: { sku: request.sku, name: 'x' } };
        },
        listProducts: () => ({}),
      });
    },
    {
      transport: {
        interceptors: [
          rateLimitInterceptor(limiter, { key: 'product', onWait: (ms) => waits.push(ms) }),
        ],
      },
    },
  );
  return { client: createClient(ProductService, transport), served };
}

describe('rate-limit interceptor', () => {
  it('lets a burst through, then makes each call wait for its token', async () => {
    const waits: number[] = [];
    const { client, served } = limitedClient(
      new MemoryLimiter({ capacity: 2, refillPerSec: 50 }),
      waits,
    );
    await Promise.all([1, 2, 3, 4, 5].map((sku) => client.getProduct({ sku })));
    expect(served.sort()).toEqual([1, 2, 3, 4, 5]);
    // Two go at once; the other three each waited at least once.
    expect(waits.length).toBeGreaterThanOrEqual(3);
  });

  it('gives up when the call deadline passes first, without sending the call', async () => {
    const limiter = new MemoryLimiter({ capacity: 1, refillPerSec: 0.01 });
    await limiter.take('product');
    const waits: number[] = [];
    const { client, served } = limitedClient(limiter, waits);
    const error = await client.getProduct({ sku: 1 }, { timeoutMs: 50 }).then(
      () => undefined,
      (e: unknown) => ConnectError.from(e),
    );
    expect(error?.code).toBe(Code.DeadlineExceeded);
    expect(waits).toHaveLength(1);
    expect(served).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { openCache, parseRedisUrls } from '@cinesync/kit/cache';
import type { Db } from '@cinesync/kit/db';
import { MemoryLimiter, openLimiter } from '@cinesync/kit/limiter';
import { dbEngines, rpcFailure } from '@cinesync/kit/testing';
import { Code } from '@connectrpc/connect';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart } from '../src/repository.js';
import {
  bearer,
  callCounter,
  openCartDb,
  SETUP_TIMEOUT_MS,
  type Store,
  startCart,
  startStore,
} from './support.js';

// The rate limiter, the cache and the pool do not depend on the database: the embedded one will do.
const [pglite] = dbEngines();
if (!pglite) throw new Error('no embedded engine');
const redisUrl = process.env.REDIS_URL;
const USER = '0190a3c4-0000-7000-8000-0000000ca47e';
const SKUS = [1001, 1002, 1003, 1004, 2001, 2002, 2003, 2004, 3001, 3002];

/** Two logical Redis nodes: REDIS_URL's when it lists two, else two databases of its one node. */
function twoNodes(url: string): string {
  const nodes = parseRedisUrls(url);
  if (nodes.length >= 2) return url;
  const base = new URL(nodes[0]?.url ?? url);
  return ['14', '15']
    .map((db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString())
    .join(',');
}

describe('cart → product calls', () => {
  let store: Store;
  let db: Db;
  let headers: { authorization: string };

  beforeAll(async () => {
    [store, db] = await Promise.all([startStore(pglite), openCartDb(pglite)]);
    headers = await bearer(store, USER);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await store?.close();
    await db?.close();
  });

  /** Puts SKUs in the user's cart without looking them up, so the cache stays cold. */
  async function fillCart(skus: readonly number[]) {
    await db.query('DELETE FROM cart_items');
    for (const sku of skus) await addToCart(db, USER, { sku, count: 1 });
  }

  it('a cold listing calls product once per SKU; a warm one not at all', async () => {
    const counter = callCounter();
    const cart = await startCart(store, db, { interceptors: [counter.interceptor] });
    try {
      await fillCart(SKUS);
      const cold = await cart.client.listCart({}, { headers });
      expect(cold.items.map((item) => item.sku)).toEqual(SKUS);
      expect(counter.calls).toEqual(SKUS.map(() => 'GetProduct'));
      await cart.client.listCart({}, { headers });
      expect(counter.calls).toHaveLength(SKUS.length);
    } finally {
      await cart.close();
    }
  });

  it('over PRODUCT_RPS, calls wait for a token instead of failing', async () => {
    const waits: number[] = [];
    const counter = callCounter();
    const cart = await startCart(store, db, {
      limiter: new MemoryLimiter({ capacity: 1, refillPerSec: 20 }),
      interceptors: [counter.interceptor],
      onRateLimitWait: (ms) => waits.push(ms),
    });
    try {
      await fillCart(SKUS.slice(0, 4));
      const listed = await cart.client.listCart({}, { headers });
      expect(listed.items).toHaveLength(4);
      expect(counter.calls).toHaveLength(4);
      // A burst of one: every call after the first had to wait for the bucket to refill.
      expect(waits.length).toBeGreaterThanOrEqual(3);
    } finally {
      await cart.close();
    }
  });

  it('a wait that outlasts the request deadline fails it (504 / DEADLINE_EXCEEDED) without calling product', async () => {
    const counter = callCounter();
    const limiter = new MemoryLimiter({ capacity: 1, refillPerSec: 0.05 });
    await limiter.take('product-service');
    const cart = await startCart(store, db, {
      limiter,
      interceptors: [counter.interceptor],
      requestTimeoutMs: 300,
    });
    try {
      await fillCart([2005]);
      const rest = await cart.app.inject({ url: '/api/v1/cart', headers });
      expect(rest.statusCode).toBe(504);
      expect(rest.json()).toMatchObject({ code: 'upstream_timeout' });
      const rpc = await rpcFailure(cart.client.listCart({}, { headers }));
      expect(rpc.code).toBe(Code.DeadlineExceeded);
      expect(counter.calls).toEqual([]);
    } finally {
      await cart.close();
    }
  });

  describe.skipIf(!redisUrl)(
    `shared through Redis${redisUrl ? '' : ' (skipped unless REDIS_URL is set)'}`,
    () => {
      const prefix = `test-cart-${randomUUID().slice(0, 8)}`;

      it('two cart instances draw from one PRODUCT_RPS budget', async () => {
        // What ctx.limiter builds for each replica: the same prefix, so the same bucket.
        const shared = () =>
          openLimiter({ url: redisUrl, prefix: `${prefix}:rps`, capacity: 1, refillPerSec: 2 });
        const [limiterA, limiterB] = [shared(), shared()];
        const waitsA: number[] = [];
        const waitsB: number[] = [];
        const a = await startCart(store, db, {
          limiter: limiterA,
          onRateLimitWait: (ms) => waitsA.push(ms),
        });
        const b = await startCart(store, db, {
          limiter: limiterB,
          onRateLimitWait: (ms) => waitsB.push(ms),
        });
        try {
          await fillCart([1006]);
          await a.client.listCart({}, { headers });
          expect(waitsA).toEqual([]);
          // B has never called product, yet finds the bucket A just emptied.
          await fillCart([1007]);
          await b.client.listCart({}, { headers });
          expect(waitsB.length).toBeGreaterThan(0);
        } finally {
          await a.close();
          await b.close();
          await limiterA.close();
          await limiterB.close();
        }
      });

      it('product lookups are cached in Redis, spread over the shards', async () => {
        const url = twoNodes(redisUrl ?? '');
        const cache = openCache({ url, prefix: `${prefix}:cache` });
        const counter = callCounter();
        const cart = await startCart(store, db, { cache, interceptors: [counter.interceptor] });
        const nodes = parseRedisUrls(url).map((node) => ({ ...node, client: new Redis(node.url) }));
        try {
          await fillCart(SKUS);
          await cart.client.listCart({}, { headers });
          expect(counter.calls).toHaveLength(SKUS.length);
          await cart.client.listCart({}, { headers });
          expect(counter.calls).toHaveLength(SKUS.length);

          const perNode = await Promise.all(
            nodes.map((node) => node.client.keys(`${prefix}:cache:*`)),
          );
          expect(perNode.flat().sort()).toEqual(
            SKUS.map((sku) => `${prefix}:cache:product:v1:${sku}`).sort(),
          );
          for (const keys of perNode) expect(keys.length).toBeGreaterThan(0);
        } finally {
          await cart.close();
          await cache.close();
          for (const node of nodes) {
            const keys = await node.client.keys(`${prefix}:*`);
            if (keys.length > 0) await node.client.del(...keys);
            await node.client.quit();
          }
        }
      });
    },
  );
});

import type { Caller } from '@cinesync/kit/grpc';
import { notFound } from '@cinesync/kit/http';
import { describe, expect, it } from 'vitest';
import { priceLines } from '../src/pricing.js';
import type { ProductInfo, ProductLookup } from '../src/products.js';

const caller = (signal = new AbortController().signal): Caller => ({
  user: { id: 'u1', role: 'user' },
  token: undefined,
  requestId: undefined,
  signal,
  deadline: Date.now() + 10_000,
});

const info = (sku: number): ProductInfo => ({
  sku,
  name: `Product ${sku}`,
  price: { amount: sku, currency: 'USD' },
});

/** A lookup whose calls the test settles by hand, recording how many run at once. */
function manualLookup() {
  const pending = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  const aborted: number[] = [];
  const calls: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const lookup: ProductLookup = {
    get(sku, { signal }) {
      calls.push(sku);
      running++;
      maxRunning = Math.max(maxRunning, running);
      return new Promise<ProductInfo>((resolve, reject) => {
        const done = () => {
          running--;
          pending.delete(sku);
        };
        signal.addEventListener(
          'abort',
          () => {
            if (pending.has(sku)) aborted.push(sku);
          },
          { once: true },
        );
        pending.set(sku, {
          resolve: () => {
            done();
            resolve(info(sku));
          },
          reject: (error) => {
            done();
            reject(error);
          },
        });
      });
    },
  };
  const settle = async (sku: number, error?: unknown) => {
    for (let i = 0; i < 50 && !pending.has(sku); i++) await Promise.resolve();
    const call = pending.get(sku);
    if (!call) throw new Error(`no call for ${sku} in flight`);
    if (error) call.reject(error);
    else call.resolve();
  };
  return { lookup, settle, aborted, calls, max: () => maxRunning };
}

describe('pricing a cart through the bounded pool', () => {
  it('keeps cart order whatever order the lookups finish in, at most `concurrency` at once', async () => {
    const lines = [5, 3, 9, 1, 7].map((sku) => ({ sku, count: 2 }));
    const fake = manualLookup();
    const priced = priceLines(lines, fake.lookup, caller(), 2);
    await fake.settle(3);
    await fake.settle(5);
    await fake.settle(1);
    await fake.settle(9);
    await fake.settle(7);
    const items = await priced;
    expect(items.map((item) => item.sku)).toEqual([5, 3, 9, 1, 7]);
    expect(items.every((item) => item.count === 2 && item.name === `Product ${item.sku}`)).toBe(
      true,
    );
    expect(fake.max()).toBe(2);
  });

  it('fails with the first error, aborts the lookups in flight and starts no more', async () => {
    const lines = [1, 2, 3, 4].map((sku) => ({ sku, count: 1 }));
    const fake = manualLookup();
    const priced = priceLines(lines, fake.lookup, caller(), 2);
    const missing = notFound('There is no product with SKU 1.', 'product_not_found');
    let settled = false;
    priced
      .catch(() => {})
      .finally(() => {
        settled = true;
      });
    await fake.settle(1, missing);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.aborted).toEqual([2]);
    // Lookup 2 is still running (it ignores its signal), so nothing has settled yet.
    expect(settled).toBe(false);
    await fake.settle(2);
    await expect(priced).rejects.toBe(missing);
    expect(fake.calls).toEqual([1, 2]); // 3 and 4 never started
  });

  it("stops when the caller's signal aborts (client gone, deadline passed)", async () => {
    const controller = new AbortController();
    const fake = manualLookup();
    const priced = priceLines([{ sku: 1, count: 1 }], fake.lookup, caller(controller.signal), 4);
    const gone = new Error('the client went away');
    controller.abort(gone);
    await fake.settle(1);
    await expect(priced).rejects.toBe(gone);
    expect(fake.aborted).toEqual([1]);
  });
});

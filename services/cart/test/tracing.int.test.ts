import { connect } from 'node:net';
import { orderStatusChanged } from '@cinesync/contracts';
import { CartService } from '@cinesync/contracts/store';
import { createMemoryBus, type Delivery } from '@cinesync/kit/bus';
import type { Db } from '@cinesync/kit/db';
import { initTelemetry, shutdownTelemetry } from '@cinesync/kit/telemetry';
import { dbEngines } from '@cinesync/kit/testing';
import { createClient, type Interceptor } from '@connectrpc/connect';
import { createGrpcTransport } from '@connectrpc/connect-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addToCart } from '../src/repository.js';
import {
  bearer,
  type CartInstance,
  openCartDb,
  SETUP_TIMEOUT_MS,
  type Store,
  startCart,
  startStore,
} from './support.js';

const [pglite] = dbEngines();
if (!pglite) throw new Error('no embedded engine');
const USER = '0190a3c4-0000-7000-8000-0000000007ce';
const traceOf = (traceparent: string | null | undefined) => traceparent?.split('-')[1];

/** A raw HTTP/1.1 POST, so no instrumented client in this process adds a traceparent of its own. */
function rawPost(url: string, path: string, headers: Record<string, string>): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const lines = Object.entries({
        ...headers,
        host: `${hostname}:${port}`,
        'content-length': '0',
        connection: 'close',
      });
      socket.write(
        `POST ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`,
      );
    });
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString();
    });
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}

// As in production: telemetry on (no exporter), so HTTP/1.1 is instrumented and ids propagate.
describe('a checkout is one trace: caller → cart → product, orders → outbox event', () => {
  const bus = createMemoryBus();
  const events: Delivery[] = [];
  const productTraceparents: (string | null)[] = [];
  let store: Store;
  let db: Db;
  let cart: CartInstance;
  let headers: { authorization: string };

  beforeAll(async () => {
    await initTelemetry({ service: 'store-tests', otlpEndpoint: '', sentryDsn: '' });
    [store, db] = await Promise.all([startStore(pglite, { bus }), openCartDb(pglite)]);
    const seeTraceparent: Interceptor = (next) => (request) => {
      productTraceparents.push(request.header.get('traceparent'));
      return next(request);
    };
    cart = await startCart(store, db, { interceptors: [seeTraceparent] });
    headers = await bearer(store, USER);
    bus.subscribe({ durable: 'trace-test', subjects: [orderStatusChanged.subject] }, async (m) => {
      events.push(m);
    });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await cart?.close();
    await store?.close();
    await db?.close();
    await bus.close();
    await shutdownTelemetry();
  });

  /** `sku` is one no earlier test looked up, so the product call is made, not served from cache. */
  async function expectOneTrace(traceId: string, sku: number, checkout: () => Promise<string>) {
    productTraceparents.length = 0;
    await db.query('DELETE FROM cart_items');
    await addToCart(db, USER, { sku, count: 1 });
    const orderId = await checkout();
    expect(productTraceparents.length).toBeGreaterThan(0);
    for (const traceparent of productTraceparents) expect(traceOf(traceparent)).toBe(traceId);
    await vi.waitFor(
      () => {
        const mine = events.filter((event) => event.key === orderId);
        expect(mine.map((event) => (event.payload as { status: string }).status)).toEqual([
          'new',
          'awaiting_payment',
        ]);
        for (const event of mine) expect(traceOf(event.headers.traceparent)).toBe(traceId);
      },
      { timeout: 10_000, interval: 25 },
    );
  }

  it('over gRPC', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    // A bare transport: the caller's traceparent is sent as is.
    const client = createClient(CartService, createGrpcTransport({ baseUrl: cart.url }));
    await expectOneTrace(traceId, 2010, async () => {
      const { orderId } = await client.checkout(
        {},
        { headers: { ...headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } },
      );
      return orderId;
    });
  });

  it('over REST (what the gateway calls)', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await expectOneTrace(traceId, 2011, async () => {
      const response = await rawPost(cart.url, '/api/v1/cart/checkout', {
        ...headers,
        traceparent: `00-${traceId}-b7ad6b7169203331-01`,
      });
      expect(response).toMatch(/^HTTP\/1.1 201/);
      const body = response.slice(response.indexOf('\r\n\r\n') + 4);
      return (JSON.parse(body) as { orderId: string }).orderId;
    });
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CartService } from '@cinesync/contracts/store';
import { createAuth } from '@cinesync/kit/auth';
import type { Bus } from '@cinesync/kit/bus';
import type { Cache } from '@cinesync/kit/cache';
import { MemoryCache } from '@cinesync/kit/cache';
import { type Db, migrate } from '@cinesync/kit/db';
import { createRpcTransport } from '@cinesync/kit/grpc';
import { listen, type Server } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import { MemoryLimiter } from '@cinesync/kit/limiter';
import { createLogger } from '@cinesync/kit/log';
import { type StartedService, startService } from '@cinesync/kit/service';
import {
  createTestDatabase,
  startIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestDatabase,
  type TestDbEngine,
  type TestIssuer,
} from '@cinesync/kit/testing';
import { service as ordersService } from '@cinesync/orders';
import { service as productService } from '@cinesync/product';
import { type Client, createClient, type Interceptor } from '@connectrpc/connect';
import { buildApp } from '../src/app.js';
import { wireCart } from '../src/wiring.js';

export const silent = createLogger({ service: 'test', level: 'silent' });

/** Three embedded databases start in these suites; on a busy machine that takes a while. */
export const SETUP_TIMEOUT_MS = 180_000;
export const migrations = new URL('../migrations/', import.meta.url);

/** product and orders, each a real service instance on a free port with its own database. */
export interface Store {
  issuer: TestIssuer;
  product: StartedService;
  orders: StartedService;
  close(): Promise<void>;
}

/** `bus`, when given, is the one orders publishes its events to (as the launcher shares one). */
export async function startStore(
  engine: TestDbEngine,
  options: { bus?: Bus } = {},
): Promise<Store> {
  const issuer = await startIssuer();
  const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-store-'));
  const databases: TestDatabase[] = [];
  const databaseUrl = async (): Promise<string | undefined> => {
    const serverUrl = process.env.DATABASE_URL;
    if (engine.name !== 'postgres' || !serverUrl) return undefined;
    const database = await createTestDatabase(serverUrl);
    databases.push(database);
    return database.url;
  };
  const env = {
    JWKS_URL: issuer.jwksUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NATS_URL: undefined,
  };
  const start = async (definition: typeof productService | typeof ordersService) =>
    startService(definition, {
      env: { ...env, DATABASE_URL: await databaseUrl() },
      port: 0,
      host: '127.0.0.1',
      logger: silent,
      shared: { bus: options.bus },
    });
  // In parallel: each opens its own embedded database, the slow part of starting.
  const [product, orders] = await Promise.all([start(productService), start(ordersService)]);
  return {
    issuer,
    product,
    orders,
    async close() {
      await orders.close();
      await product.close();
      for (const database of databases) await database.drop();
      await issuer.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CartOptions {
  cache?: Cache;
  limiter?: Limiter;
  interceptors?: Interceptor[];
  onRateLimitWait?: (ms: number) => void;
  requestTimeoutMs?: number;
  concurrency?: number;
}

export interface CartInstance {
  app: Server;
  url: string;
  client: Client<typeof CartService>;
  close(): Promise<void>;
}

/** A cart instance like the service builds it, over `db`, calling the store's product and orders. */
export async function startCart(
  store: Store,
  db: Db,
  options: CartOptions = {},
): Promise<CartInstance> {
  const wired = wireCart({
    db,
    productUrl: store.product.url,
    ordersUrl: store.orders.url,
    cache: options.cache ?? new MemoryCache(),
    // Generous unless a test says otherwise: most tests are not about the rate limit.
    productLimiter: options.limiter ?? new MemoryLimiter({ capacity: 1000, refillPerSec: 1000 }),
    productCacheTtlMs: 60_000,
    listConcurrency: options.concurrency ?? 4,
    productInterceptors: options.interceptors,
    onRateLimitWait: options.onRateLimitWait,
  });
  const auth = createAuth({
    jwksUrl: store.issuer.jwksUrl,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  });
  const app = await buildApp({
    db,
    cart: wired.cart,
    auth,
    logger: silent,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  });
  const url = await listen(app, { port: 0, host: '127.0.0.1' });
  const rpc = createRpcTransport(url);
  return {
    app,
    url,
    client: createClient(CartService, rpc.transport),
    async close() {
      rpc.close();
      await app.close();
      wired.close();
    },
  };
}

export async function openCartDb(engine: TestDbEngine): Promise<Db> {
  const db = await engine.open();
  await migrate(db, { dir: migrations });
  return db;
}

/** Counts the calls that actually leave for the product service, per method. */
export function callCounter() {
  const calls: string[] = [];
  const interceptor: Interceptor = (next) => (request) => {
    calls.push(request.method.name);
    return next(request);
  };
  return { calls, interceptor };
}

export const bearer = async (store: Store, userId: string) =>
  (await store.issuer.caller('user', userId)).headers;

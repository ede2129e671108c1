import { fromMoney, ProductKind, ProductService, STORE_ITEMS } from '@cinesync/contracts/store';
import { createAuth } from '@cinesync/kit/auth';
import { type Db, migrate } from '@cinesync/kit/db';
import { createRpcTransport, ERROR_CODE_HEADER, type RpcTransport } from '@cinesync/kit/grpc';
import { listen, type Server } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import {
  dbEngines,
  rpcFailure,
  startIssuer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from '@cinesync/kit/testing';
import { type Client, Code, createClient } from '@connectrpc/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { seedProducts } from '../src/seed.js';

const migrations = new URL('../migrations/', import.meta.url);

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`product service on ${engine.title}`, () => {
    let db: Db;
    let issuer: TestIssuer;
    let app: Server;
    let url: string;
    let rpc: RpcTransport;
    let client: Client<typeof ProductService>;

    beforeAll(async () => {
      db = await engine.open();
      await migrate(db, { dir: migrations });
      await seedProducts(db);
      issuer = await startIssuer();
      const auth = createAuth({
        jwksUrl: issuer.jwksUrl,
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
      });
      app = await buildApp({
        db,
        auth,
        logger: createLogger({ service: 'product', level: 'silent' }),
      });
      url = await listen(app, { port: 0, host: '127.0.0.1' });
      rpc = createRpcTransport(url);
      client = createClient(ProductService, rpc.transport);
    });

    afterAll(async () => {
      rpc?.close();
      await app?.close();
      await issuer?.close();
      await db?.close();
    });

    it('seeds every demo item once, however often it runs', async () => {
      expect(await seedProducts(db)).toBe(0);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
      expect(rows[0]?.n).toBe(STORE_ITEMS.length);
    });

    it('GetProduct over gRPC (HTTP/2) returns the product', async () => {
      const { product } = await client.getProduct({ sku: 1009 });
      expect(product?.name).toBe('Rent “The Matrix” (48 hours)');
      expect(product?.kind).toBe(ProductKind.RENTAL);
      expect(product?.filmTitle).toBe('The Matrix');
      expect(fromMoney(product?.price)).toEqual({ amount: 299, currency: 'USD' });
    });

    it('GetProduct of an unknown SKU is NOT_FOUND with a stable code', async () => {
      const error = await rpcFailure(client.getProduct({ sku: 999_999 }));
      expect(error.code).toBe(Code.NotFound);
      expect(error.metadata.get(ERROR_CODE_HEADER)).toBe('product_not_found');
    });

    it('refuses a request that breaks the contract rules with INVALID_ARGUMENT', async () => {
      const error = await rpcFailure(client.getProduct({ sku: 0 }));
      expect(error.code).toBe(Code.InvalidArgument);
      expect(error.rawMessage).toMatch(/\/sku/);
      const page = await rpcFailure(client.listProducts({ pageSize: 1000 }));
      expect(page.code).toBe(Code.InvalidArgument);
    });

    it('ListProducts pages through every product in SKU order, filtered by kind', async () => {
      const skus: number[] = [];
      let pageToken = '';
      do {
        const page = await client.listProducts({ pageSize: 7, pageToken });
        skus.push(...page.products.map((product) => product.sku));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      expect(skus).toEqual(STORE_ITEMS.map((item) => item.sku).sort((a, b) => a - b));

      const merch = await client.listProducts({ kind: ProductKind.MERCHANDISE, pageSize: 100 });
      expect(merch.products.length).toBe(
        STORE_ITEMS.filter((i) => i.kind === 'merchandise').length,
      );
      expect(merch.products.every((p) => p.kind === ProductKind.MERCHANDISE)).toBe(true);
    });

    it('serves Connect JSON over HTTP/1.1 on the same port', async () => {
      const response = await fetch(`${url}/product.v1.ProductService/GetProduct`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: 3001 }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { product: { name: string; price: unknown } };
      expect(body.product.name).toBe('CineSync T-shirt');
      expect(body.product.price).toEqual({ currency: 'USD', amount: '2499' });
    });

    it('verifies a forwarded token and refuses a bad one', async () => {
      const { headers } = await issuer.caller('user', '0190a3c4-1111-7aaa-8bbb-123456789abc');
      const ok = await client.getProduct({ sku: 1001 }, { headers });
      expect(ok.product?.sku).toBe(1001);
      const error = await rpcFailure(
        client.getProduct({ sku: 1001 }, { headers: { authorization: 'Bearer not-a-jwt' } }),
      );
      expect(error.code).toBe(Code.Unauthenticated);
    });

    it('REST: lists and gets products, 404 and 400 as problems', async () => {
      const list = await app.inject({ url: '/api/v1/products?kind=merchandise&limit=3' });
      expect(list.statusCode).toBe(200);
      const page = list.json<{
        items: { sku: number; kind: string }[];
        nextCursor: number | null;
      }>();
      expect(page.items.map((item) => item.sku)).toEqual([3001, 3002, 3003]);
      expect(page.nextCursor).toBe(3003);
      const next = await app.inject({
        url: `/api/v1/products?kind=merchandise&cursor=${page.nextCursor}`,
      });
      expect(next.json<{ items: { sku: number }[] }>().items[0]?.sku).toBe(3004);

      const one = await app.inject({ url: '/api/v1/products/2009' });
      expect(one.json()).toEqual({
        sku: 2009,
        name: 'Buy “The Matrix”',
        kind: 'purchase',
        price: { amount: 999, currency: 'USD' },
        filmId: null,
        filmTitle: 'The Matrix',
      });

      const missing = await app.inject({ url: '/api/v1/products/424242' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'product_not_found' });
      const bad = await app.inject({ url: '/api/v1/products/0' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    });

    it('documents the REST routes in OpenAPI and leaves the RPC routes out', async () => {
      const doc = (await app.inject({ url: '/openapi.json' })).json<{
        paths: Record<string, unknown>;
      }>();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/products', '/api/v1/products/{sku}']),
      );
      expect(Object.keys(doc.paths).some((path) => path.includes('ProductService'))).toBe(false);
    });
  });
}

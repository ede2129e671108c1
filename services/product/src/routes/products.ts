import { MoneyJson, SkuParam } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import {
  DEFAULT_PAGE_SIZE,
  getProduct,
  MAX_PAGE_SIZE,
  type Product,
  pageOfProducts,
} from '../products.js';

const Kind = Type.Union([
  Type.Literal('rental'),
  Type.Literal('purchase'),
  Type.Literal('merchandise'),
]);

const ProductJson = Type.Object(
  {
    sku: SkuParam,
    name: Type.String(),
    kind: Kind,
    price: MoneyJson,
    filmId: Type.Union([Type.String(), Type.Null()]),
    filmTitle: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Product' },
);

const tags = ['store'];

function productJson(product: Product) {
  return { ...product };
}

/** The public REST face of product.v1 (GET only: the catalogue is read-only for the API). */
export function productRestRoutes(server: Server, db: Db): void {
  server.get(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'List products in SKU order',
        security: [],
        querystring: Type.Object({
          kind: Type.Optional(Kind),
          limit: Type.Optional(
            Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
          ),
          cursor: Type.Optional(
            Type.Integer({ minimum: 0, description: 'nextCursor of the previous page' }),
          ),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(ProductJson),
            nextCursor: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const { kind, limit, cursor } = request.query;
      const page = await pageOfProducts(db, { kind, limit, after: cursor });
      return { items: page.products.map(productJson), nextCursor: page.next ?? null };
    },
  );

  server.get(
    '/api/v1/products/:sku',
    {
      schema: {
        tags,
        summary: 'One product',
        security: [],
        params: Type.Object({ sku: SkuParam }),
        response: { 200: ProductJson },
      },
    },
    async (request) => productJson(await getProduct(db, request.params.sku)),
  );
}

import { create } from '@bufbuild/protobuf';
import {
  ProductKind,
  type ProductKindName,
  type Product as ProductMessage,
  ProductSchema,
  ProductService,
  toMoney,
} from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import type { ConnectRouter } from '@connectrpc/connect';
import { getProduct, type Product, pageOfProducts } from './products.js';

const KIND_TO_PROTO: Record<ProductKindName, ProductKind> = {
  rental: ProductKind.RENTAL,
  purchase: ProductKind.PURCHASE,
  merchandise: ProductKind.MERCHANDISE,
};

function kindFromProto(kind: ProductKind): ProductKindName | undefined {
  return (Object.keys(KIND_TO_PROTO) as ProductKindName[]).find(
    (name) => KIND_TO_PROTO[name] === kind,
  );
}

export function productMessage(product: Product): ProductMessage {
  return create(ProductSchema, {
    sku: product.sku,
    name: product.name,
    price: toMoney(product.price),
    kind: KIND_TO_PROTO[product.kind],
    ...(product.filmId === null ? {} : { filmId: product.filmId }),
    ...(product.filmTitle === null ? {} : { filmTitle: product.filmTitle }),
  });
}

/** product.v1.ProductService over the domain functions; requests arrive already validated. */
export function productRoutes(db: Db) {
  return (router: ConnectRouter) => {
    router.service(ProductService, {
      async getProduct(request) {
        return { product: productMessage(await getProduct(db, request.sku)) };
      },
      async listProducts(request) {
        const page = await pageOfProducts(db, {
          after: request.pageToken === '' ? 0 : Number(request.pageToken),
          limit: request.pageSize,
          kind: kindFromProto(request.kind),
        });
        return {
          products: page.products.map(productMessage),
          nextPageToken: page.next === undefined ? '' : String(page.next),
        };
      },
    });
  };
}

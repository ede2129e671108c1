import type { Amount, ProductKindName } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import { notFound } from '@cinesync/kit/http';
import { findProduct, listProducts } from './repository.js';

export interface Product {
  sku: number;
  name: string;
  kind: ProductKindName;
  price: Amount;
  filmId: string | null;
  filmTitle: string | null;
}

export interface ProductPage {
  products: Product[];
  /** SKU to continue after; undefined on the last page. */
  next: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export async function getProduct(db: Db, sku: number): Promise<Product> {
  const product = await findProduct(db, sku);
  if (!product) throw notFound(`There is no product with SKU ${sku}.`, 'product_not_found');
  return product;
}

export async function pageOfProducts(
  db: Db,
  options: { after?: number; limit?: number; kind?: ProductKindName },
): Promise<ProductPage> {
  const limit = Math.min(options.limit || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  // One extra row tells whether another page follows without a count query.
  const rows = await listProducts(db, {
    after: options.after ?? 0,
    limit: limit + 1,
    kind: options.kind,
  });
  const products = rows.slice(0, limit);
  const last = products.at(-1);
  return { products, next: rows.length > limit && last ? last.sku : undefined };
}

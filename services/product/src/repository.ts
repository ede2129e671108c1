import type { ProductKindName, StoreItem } from '@cinesync/contracts/store';
import type { Queryable } from '@cinesync/kit/db';
import type { Product } from './products.js';

interface ProductRow extends Record<string, unknown> {
  sku: string;
  name: string;
  kind: ProductKindName;
  price: string;
  currency: string;
  film_id: string | null;
  film_title: string | null;
}

const COLUMNS = 'sku, name, kind, price, currency, film_id, film_title';

function toProduct(row: ProductRow): Product {
  return {
    sku: Number(row.sku),
    name: row.name,
    kind: row.kind,
    price: { amount: Number(row.price), currency: row.currency },
    filmId: row.film_id,
    filmTitle: row.film_title,
  };
}

export async function findProduct(db: Queryable, sku: number): Promise<Product | undefined> {
  const { rows } = await db.query<ProductRow>(`SELECT ${COLUMNS} FROM products WHERE sku = $1`, [
    sku,
  ]);
  return rows[0] && toProduct(rows[0]);
}

/** Products after SKU `after` in SKU order, optionally of one kind. */
export async function listProducts(
  db: Queryable,
  options: { after: number; limit: number; kind: ProductKindName | undefined },
): Promise<Product[]> {
  const { rows } = await db.query<ProductRow>(
    `SELECT ${COLUMNS} FROM products
     WHERE sku > $1 AND ($2::text IS NULL OR kind = $2)
     ORDER BY sku LIMIT $3`,
    [options.after, options.kind ?? null, options.limit],
  );
  return rows.map(toProduct);
}

/** Adds the items that are not there yet; existing products (maybe edited since) stay as they are. */
export async function insertMissing(db: Queryable, items: readonly StoreItem[]): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO products (sku, name, kind, price, currency, film_title)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
     ON CONFLICT (sku) DO NOTHING`,
    [
      items.map((item) => item.sku),
      items.map((item) => item.name),
      items.map((item) => item.kind),
      items.map((item) => item.price),
      items.map((item) => item.currency),
      items.map((item) => item.filmTitle ?? null),
    ],
  );
  return rowCount;
}

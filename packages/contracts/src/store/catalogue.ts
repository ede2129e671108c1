/**
 * The demo store: what the product service offers and the warehouse (orders service) holds at
 * first start. Both seed from this one list, so a SKU never exists in one and not the other;
 * neither calls the other (or the catalog) to seed. Films are the demo catalog's, by title.
 */

export type ProductKindName = 'rental' | 'purchase' | 'merchandise';

export interface StoreItem {
  sku: number;
  name: string;
  kind: ProductKindName;
  /** Minor units of `currency`. */
  price: number;
  currency: string;
  filmTitle?: string;
  /** Units the warehouse starts with. */
  stock: number;
}

export const STORE_CURRENCY = 'USD';

/** Digital goods are not really counted; a large stock keeps them from ever running out. */
export const DIGITAL_STOCK = 1_000_000;

const FILMS: readonly { title: string; rental: number; purchase: number }[] = [
  { title: 'The Shawshank Redemption', rental: 399, purchase: 1299 },
  { title: 'The Godfather', rental: 399, purchase: 1299 },
  { title: 'The Dark Knight', rental: 399, purchase: 1499 },
  { title: 'Pulp Fiction', rental: 399, purchase: 1299 },
  { title: 'Spirited Away', rental: 399, purchase: 1499 },
  { title: 'Inception', rental: 399, purchase: 1499 },
  { title: 'Parasite', rental: 499, purchase: 1599 },
  { title: 'Interstellar', rental: 399, purchase: 1499 },
  { title: 'The Matrix', rental: 299, purchase: 999 },
  { title: 'Amélie', rental: 299, purchase: 999 },
  { title: 'Casablanca', rental: 299, purchase: 799 },
  { title: 'Seven Samurai', rental: 299, purchase: 999 },
];

const MERCHANDISE: readonly Omit<StoreItem, 'kind' | 'currency'>[] = [
  { sku: 3001, name: 'CineSync T-shirt', price: 2499, stock: 200 },
  { sku: 3002, name: 'CineSync mug', price: 1299, stock: 150 },
  { sku: 3003, name: 'Popcorn bucket', price: 1599, stock: 100 },
  { sku: 3004, name: 'Gift card', price: 2500, stock: 500 },
  { sku: 3005, name: 'The Matrix poster', price: 1999, stock: 50, filmTitle: 'The Matrix' },
  { sku: 3006, name: 'Spirited Away poster', price: 1999, stock: 50, filmTitle: 'Spirited Away' },
  { sku: 3007, name: 'The Godfather Blu-ray', price: 2999, stock: 30, filmTitle: 'The Godfather' },
  { sku: 3008, name: 'Director’s chair', price: 8999, stock: 10 },
];

export const STORE_ITEMS: readonly StoreItem[] = [
  ...FILMS.map((film, i) => ({
    sku: 1001 + i,
    name: `Rent “${film.title}” (48 hours)`,
    kind: 'rental' as const,
    price: film.rental,
    currency: STORE_CURRENCY,
    filmTitle: film.title,
    stock: DIGITAL_STOCK,
  })),
  ...FILMS.map((film, i) => ({
    sku: 2001 + i,
    name: `Buy “${film.title}”`,
    kind: 'purchase' as const,
    price: film.purchase,
    currency: STORE_CURRENCY,
    filmTitle: film.title,
    stock: DIGITAL_STOCK,
  })),
  ...MERCHANDISE.map((item) => ({
    ...item,
    kind: 'merchandise' as const,
    currency: STORE_CURRENCY,
  })),
];

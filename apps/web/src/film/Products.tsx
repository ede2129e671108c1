import { api, ok } from '../api/client';
import type { Product } from '../api/types';
import { formatMoney } from '../components/format';
import { ErrorNote, Loading } from '../components/status';
import { useAsync } from '../lib/useAsync';
import { AddToCart } from '../store/AddToCart';

const KIND_LABEL: Record<Product['kind'], string> = {
  rental: 'Rent',
  purchase: 'Buy',
  merchandise: 'Merchandise',
};

/** Every product: the store is small (one page of 100), and the film's are picked here. */
export function useProducts() {
  return useAsync(async () => {
    const items: Product[] = [];
    let cursor: number | undefined;
    do {
      const page = await ok(
        api.GET('/api/v1/products', {
          params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      );
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && items.length < 1000);
    return items;
  }, []);
}

/**
 * Rent or buy this film. Products name their film by catalog id when they have one, else by
 * title (the demo store is seeded from the demo catalog's titles).
 */
export function FilmProducts({ filmId, title }: { filmId: string; title: string }) {
  const products = useProducts();
  const mine = (products.data ?? []).filter(
    (product) =>
      product.filmId === filmId || (product.filmId === null && product.filmTitle === title),
  );
  if (products.data && mine.length === 0) return null;
  return (
    <section className="panel products" aria-labelledby="products-heading">
      <h2 id="products-heading">Watch it</h2>
      {products.loading && <Loading />}
      <ErrorNote error={products.error} retry={products.reload} />
      <ul className="product-list">
        {mine.map((product) => (
          <li key={product.sku} className="product">
            <span className="product-kind">{KIND_LABEL[product.kind]}</span>
            <span className="product-name">{product.name}</span>
            <span className="price">{formatMoney(product.price)}</span>
            <AddToCart sku={product.sku} name={product.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}

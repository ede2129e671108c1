import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { api, ok } from '../api/client';
import type { Answer } from '../api/types';
import { useAuth } from '../auth/auth';

export type Cart = Answer<'/api/v1/cart', 'get'>;

interface CartValue {
  cart: Cart | undefined;
  /** Units in the cart, for the header. */
  count: number;
  loading: boolean;
  error: unknown;
  add(sku: number, count?: number): Promise<void>;
  remove(sku: number): Promise<void>;
  clear(): Promise<void>;
  /** Orders what is in the cart; the cart service empties it. */
  checkout(): Promise<string>;
  reload(): void;
}

const CartContext = createContext<CartValue | undefined>(undefined);

/** The signed-in person's cart, shared by the header badge, the film page and the cart page. */
export function CartProvider({ children }: { children: ReactNode }) {
  const { viewer } = useAuth();
  const userId = viewer?.id;
  const [cart, setCart] = useState<Cart>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setCart(await ok(api.GET('/api/v1/cart')));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setCart(undefined);
    if (userId) void load();
  }, [userId, load]);

  const value = useMemo<CartValue>(
    () => ({
      cart,
      count: cart?.items.reduce((sum, item) => sum + item.count, 0) ?? 0,
      loading,
      error,
      async add(sku, count = 1) {
        await ok(api.POST('/api/v1/cart/items', { body: { sku, count } }));
        await load();
      },
      async remove(sku) {
        await ok(api.DELETE('/api/v1/cart/items/{sku}', { params: { path: { sku } } }));
        await load();
      },
      async clear() {
        await ok(api.DELETE('/api/v1/cart'));
        await load();
      },
      async checkout() {
        const { orderId } = await ok(api.POST('/api/v1/cart/checkout'));
        await load();
        return orderId;
      },
      reload: () => void load(),
    }),
    [cart, loading, error, load],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const value = useContext(CartContext);
  if (!value) throw new Error('useCart outside CartProvider');
  return value;
}

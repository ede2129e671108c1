import { useState } from 'react';
import { useAuth } from '../auth/auth';
import { ErrorNote } from '../components/status';
import { Link, navigate } from '../lib/router';
import { useAction } from '../lib/useAsync';
import { useCart } from './cart';

export function AddToCart({ sku, name }: { sku: number; name: string }) {
  const { viewer } = useAuth();
  const cart = useCart();
  const [added, setAdded] = useState(false);
  const add = useAction(async () => {
    await cart.add(sku);
    setAdded(true);
  });
  const inCart = cart.cart?.items.find((item) => item.sku === sku)?.count ?? 0;
  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button small"
        disabled={add.pending}
        aria-label={`Add ${name} to cart`}
        onClick={() => {
          if (!viewer) navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
          else void add.run();
        }}
      >
        {add.pending ? 'Adding…' : 'Add to cart'}
      </button>
      {inCart > 0 && (
        <span className="hint" role={added ? 'status' : undefined}>
          {inCart} in your <Link to="/cart">cart</Link>
        </span>
      )}
      <ErrorNote error={add.error} />
    </div>
  );
}

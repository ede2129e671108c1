import { useAuth } from '../auth/auth';
import { formatMoney } from '../components/format';
import { LineCells, LinesHead } from '../components/lines';
import { Empty, ErrorNote, Loading, SignInPrompt } from '../components/status';
import { Link, navigate } from '../lib/router';
import { useAction } from '../lib/useAsync';
import { useCart } from '../store/cart';

export function CartPage() {
  const { viewer } = useAuth();
  const cart = useCart();
  const remove = useAction(cart.remove);
  const clear = useAction(cart.clear);
  const checkout = useAction(async () => {
    const orderId = await cart.checkout();
    navigate(`/orders/${orderId}`);
  });

  if (!viewer)
    return (
      <>
        <h1>Cart</h1>
        <SignInPrompt what="shop" />
      </>
    );
  const items = cart.cart?.items ?? [];
  return (
    <>
      <h1>Cart</h1>
      {cart.loading && !cart.cart && <Loading />}
      <ErrorNote error={cart.error} retry={cart.reload} />
      <ErrorNote error={remove.error ?? clear.error ?? checkout.error} />
      {cart.cart && items.length === 0 && (
        <Empty>
          Your cart is empty. Rentals and purchases are on each film’s page;{' '}
          <Link to="/search">find a film</Link>.
        </Empty>
      )}
      {cart.cart && items.length > 0 && (
        <section className="panel">
          <table className="lines">
            <caption className="visually-hidden">Items in your cart</caption>
            <LinesHead subtotal actions />
            <tbody>
              {items.map((item) => (
                <tr key={item.sku}>
                  <LineCells item={item} />
                  <td className="num">
                    {formatMoney({ ...item.price, amount: item.price.amount * item.count })}
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="link-button danger"
                      disabled={remove.pending}
                      onClick={() => void remove.run(item.sku)}
                      aria-label={`Remove ${item.name}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>Total</td>
                <td className="num">{formatMoney(cart.cart.total)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={checkout.pending}
              onClick={() => void checkout.run()}
            >
              {checkout.pending ? 'Placing the order…' : 'Check out'}
            </button>
            <button
              type="button"
              className="button ghost"
              disabled={clear.pending}
              onClick={() => void clear.run()}
            >
              Empty cart
            </button>
          </div>
          <p className="hint">
            Checking out reserves the items; pay within 10 minutes or the order is cancelled.
          </p>
        </section>
      )}
    </>
  );
}

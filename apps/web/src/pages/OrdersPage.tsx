import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import type { Answer } from '../api/types';
import { useAuth } from '../auth/auth';
import { formatDate, formatMoney, plural } from '../components/format';
import { LineCells, LinesHead } from '../components/lines';
import { Empty, ErrorNote, Loading, SignInPrompt } from '../components/status';
import { Link } from '../lib/router';
import { useAction, useAsync } from '../lib/useAsync';
import { useNotifications } from '../notifications/notifications';
import { OrderStatus } from '../store/OrderStatus';

type Order = Answer<'/api/v1/orders/{id}', 'get'>;

/** Pay and cancel, for an order that still waits for its payment. */
function OrderActions({ order, onChange }: { order: Order; onChange: (order: Order) => void }) {
  const pay = useAction(async () => {
    onChange(await ok(api.POST('/api/v1/orders/{id}/pay', { params: { path: { id: order.id } } })));
  });
  const cancel = useAction(async () => {
    onChange(
      await ok(api.POST('/api/v1/orders/{id}/cancel', { params: { path: { id: order.id } } })),
    );
  });
  if (order.status !== 'awaiting_payment' && order.status !== 'new') return null;
  const busy = pay.pending || cancel.pending;
  return (
    <>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void pay.run()}>
          {pay.pending ? 'Paying…' : `Pay ${formatMoney(order.total)}`}
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={busy}
          onClick={() => void cancel.run()}
        >
          Cancel order
        </button>
      </div>
      <ErrorNote error={pay.error ?? cancel.error} />
    </>
  );
}

/**
 * Reloads when a notification about this order arrives (say the payment window closed), so the
 * page shows what the server did without a manual refresh.
 */
function useOrderNotifications(orderId: string | undefined, reload: () => void) {
  const { items } = useNotifications();
  const latest = items.find((item) => orderId && JSON.stringify(item.data).includes(orderId))?.id;
  const [seen, setSeen] = useState(latest);
  useEffect(() => {
    if (latest !== seen) {
      setSeen(latest);
      reload();
    }
  }, [latest, seen, reload]);
}

export function OrderPage({ id }: { id: string }) {
  const { viewer } = useAuth();
  const order = useAsync(
    async () =>
      viewer ? ok(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })) : undefined,
    [id, viewer?.id],
  );
  useOrderNotifications(id, order.reload);
  if (!viewer)
    return (
      <>
        <h1>Order</h1>
        <SignInPrompt what="see your orders" />
      </>
    );
  const data = order.data;
  return (
    <>
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1>Order</h1>
      {order.loading && !data && <Loading />}
      <ErrorNote error={order.error} retry={order.reload} />
      {data && (
        <section className="panel order" aria-labelledby="order-heading">
          <div className="section-head">
            <h2 id="order-heading">
              <span className="hint">No.</span> {data.id.slice(0, 8)}
            </h2>
            <span role="status">
              <OrderStatus status={data.status} />
            </span>
          </div>
          <p className="hint">
            Placed {formatDate(data.createdAt)} · last change {formatDate(data.updatedAt)}
          </p>
          <table className="lines">
            <caption className="visually-hidden">Items</caption>
            <LinesHead />
            <tbody>
              {data.items.map((item) => (
                <tr key={item.sku}>
                  <LineCells item={item} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={2}>Total</td>
                <td className="num">{formatMoney(data.total)}</td>
              </tr>
            </tfoot>
          </table>
          <OrderActions order={data} onChange={(next) => order.setData(() => next)} />
        </section>
      )}
    </>
  );
}

export function OrdersPage() {
  const { viewer } = useAuth();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const orders = useAsync(
    async () =>
      viewer
        ? ok(
            api.GET('/api/v1/orders', {
              params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
            }),
          )
        : undefined,
    [cursor, viewer?.id],
  );
  if (!viewer)
    return (
      <>
        <h1>My orders</h1>
        <SignInPrompt what="see your orders" />
      </>
    );
  const items = orders.data?.items ?? [];
  return (
    <>
      <h1>My orders</h1>
      {orders.loading && !orders.data && <Loading />}
      <ErrorNote error={orders.error} retry={orders.reload} />
      {orders.data && items.length === 0 && (
        <Empty>
          No orders yet. <Link to="/search">Find a film</Link> to rent or buy.
        </Empty>
      )}
      <ul className="rows">
        {items.map((order) => (
          <li key={order.id} className="row">
            <div className="row-main">
              <Link to={`/orders/${order.id}`} className="row-title">
                {order.items[0]?.name ?? 'Order'}
                {order.items.length > 1 && ` and ${plural(order.items.length - 1, 'more item')}`}
              </Link>
              <span className="hint">
                {formatDate(order.createdAt)} · {formatMoney(order.total)}
              </span>
            </div>
            <div className="row-side">
              <OrderStatus status={order.status} />
              <OrderActions
                order={order}
                onChange={(next) =>
                  orders.setData(
                    (data) =>
                      data && {
                        ...data,
                        items: data.items.map((o) => (o.id === next.id ? next : o)),
                      },
                  )
                }
              />
            </div>
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          className="button ghost"
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          ← Newer
        </button>
        <button
          type="button"
          className="button ghost"
          disabled={!orders.data?.nextCursor}
          onClick={() => setCursors([...cursors, orders.data?.nextCursor ?? undefined])}
        >
          Older →
        </button>
      </nav>
    </>
  );
}

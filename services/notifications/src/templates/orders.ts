import type { OrderStatusChanged } from '../events.js';
import { type Html, html, join, layout, oneLine } from './html.js';
import { type Audience, absolute, footer, greeting, type Message, SIGNATURE } from './message.js';
import { type Amount, formatMoney } from './money.js';

type Order = OrderStatusChanged;
type Item = Order['items'][number];

interface StatusCopy {
  title: (ref: string) => string;
  subject: (ref: string) => string;
  /** One or two sentences, plain text (escaped when put into HTML). */
  lead: (order: Order, total: string | null) => string;
}

const KNOWN: Record<string, StatusCopy> = {
  awaiting_payment: {
    title: (ref) => `Order ${ref} is waiting for payment`,
    subject: (ref) => `Please pay for your order ${ref}`,
    lead: (_order, total) =>
      `Your items are reserved. Please pay${total ? ` ${total}` : ''} to complete the order; unpaid orders are cancelled after a while and the items released.`,
  },
  paid: {
    title: (ref) => `Payment received for order ${ref}`,
    subject: (ref) => `Your receipt for order ${ref}`,
    lead: (_order, total) =>
      `Thank you! We received your payment${total ? ` of ${total}` : ''}. This e-mail is your receipt.`,
  },
  cancelled: {
    title: (ref) => `Order ${ref} was cancelled`,
    subject: (ref) => `Your order ${ref} was cancelled`,
    lead: (order) =>
      order.previousStatus === 'awaiting_payment' || order.previousStatus === 'new'
        ? 'The order was cancelled before it was paid, so nothing was charged. Its items are available again.'
        : 'The order was cancelled.',
  },
  failed: {
    title: (ref) => `Order ${ref} could not be completed`,
    subject: (ref) => `Your order ${ref} could not be completed`,
    lead: () =>
      'Some items were not available in the quantity you asked for, so the order was not placed. Nothing was charged.',
  },
};

/** Statuses nobody needs to hear about: `new` is followed at once by awaiting_payment or failed. */
const SILENT = new Set(['new']);

const label = (status: string) => status.replaceAll('_', ' ');

function copyFor(status: string): StatusCopy {
  return (
    KNOWN[status] ?? {
      title: (ref) => `Order ${ref}: ${label(status)}`,
      subject: (ref) => `Your order ${ref} is now ${label(status)}`,
      lead: () => `The status of your order changed to "${label(status)}".`,
    }
  );
}

function linePrice(item: Item, currency: string | undefined): Amount | null {
  if (item.price === undefined) return null;
  const unit =
    typeof item.price === 'number'
      ? currency === undefined
        ? null
        : { amount: item.price, currency }
      : item.price;
  return unit && { amount: unit.amount * item.count, currency: unit.currency };
}

function itemName(item: Item): string {
  return item.name && item.name.trim() !== '' ? item.name : String(item.sku);
}

function itemsText(order: Order): string[] {
  return order.items.map((item) => {
    const price = linePrice(item, order.total?.currency);
    return `  ${item.count} × ${itemName(item)}${price ? `  ${formatMoney(price)}` : ''}`;
  });
}

function itemsHtml(order: Order, total: string | null): Html {
  const cell = 'padding:4px 8px;border-bottom:1px solid #e4e4e7';
  const rows = order.items.map((item) => {
    const price = linePrice(item, order.total?.currency);
    return html`<tr><td style="${cell}">${item.count} ×</td><td style="${cell}">${itemName(item)}</td><td style="${cell};text-align:right">${price ? formatMoney(price) : ''}</td></tr>`;
  });
  const totalRow = total
    ? html`<tr><td></td><td style="padding:8px;font-weight:bold">Total</td><td style="padding:8px;text-align:right;font-weight:bold">${total}</td></tr>`
    : html``;
  return html`<table style="border-collapse:collapse;width:100%;margin:16px 0">${join(rows)}${totalRow}</table>`;
}

/** The notification for one status change, or null when the status is not worth telling. */
export function orderMessage(order: Order, audience: Audience): Message | null {
  if (SILENT.has(order.status)) return null;
  const copy = copyFor(order.status);
  const ref = order.orderId.slice(0, 8);
  const total = order.total ? formatMoney(order.total) : null;
  const lead = copy.lead(order, total);
  const path = `/orders/${encodeURIComponent(order.orderId)}`;
  const link = absolute(audience, path);
  const title = copy.title(ref);
  const text = [
    greeting(audience),
    '',
    lead,
    '',
    `Order ${order.orderId}`,
    ...itemsText(order),
    ...(total ? [`  Total: ${total}`] : []),
    '',
    `See the order: ${link}`,
    '',
    SIGNATURE,
    '',
    footer(audience),
  ].join('\n');
  const body = html`<p>${greeting(audience)}</p>
<p>${lead}</p>
<p style="color:#71717a">Order ${order.orderId} · ${label(order.status)}</p>
${order.items.length > 0 || total ? itemsHtml(order, total) : html``}
<p><a href="${link}" style="color:#2563eb">See the order</a></p>
<p>${SIGNATURE}</p>`;
  return {
    category: 'orders',
    type: `order.${order.status}`,
    title,
    body: lead,
    link: path,
    data: {
      orderId: order.orderId,
      status: order.status,
      previousStatus: order.previousStatus ?? null,
      items: order.items,
      total: order.total ?? null,
    },
    email: {
      subject: oneLine(copy.subject(ref)),
      text,
      html: layout(title, body, footer(audience)),
    },
  };
}

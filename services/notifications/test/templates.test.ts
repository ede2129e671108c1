import { OrderStatusChangedV1, TicketUpdatedV1 } from '@cinesync/contracts';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { OrderStatusChanged } from '../src/events.js';
import { parseOrderStatusChanged, parseTicketUpdated } from '../src/events.js';
import {
  escapeHtml,
  formatMoney,
  orderMessage,
  ticketMessage,
  welcomeMessage,
} from '../src/templates/index.js';

const audience = { name: 'Ann <b>Watcher</b>', publicUrl: 'https://cinesync.example/' };

const order = (status: string, previousStatus = 'awaiting_payment'): OrderStatusChanged => ({
  orderId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  userId: 'user-1',
  status,
  previousStatus,
  items: [
    {
      sku: 'rent-1',
      name: 'Metropolis <1927> & "friends"',
      count: 2,
      price: { amount: 399, currency: 'EUR' },
    },
    { sku: 'tee-9', count: 1, price: 1500 },
  ],
  total: { amount: 2298, currency: 'EUR' },
  occurredAt: '2025-01-01T10:00:00.000Z',
});

describe('templates', () => {
  it('escapes every value put into HTML, and keeps plain text as written', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const message = orderMessage(order('paid'), audience);
    if (!message) throw new Error('expected a message');
    expect(message.email.html).toContain('Ann &lt;b&gt;Watcher&lt;/b&gt;');
    expect(message.email.html).toContain('Metropolis &lt;1927&gt; &amp; &quot;friends&quot;');
    expect(message.email.html).not.toContain('<b>Watcher</b>');
    expect(message.email.text).toContain('Hi Ann <b>Watcher</b>,');
    expect(message.email.text).toContain('2 × Metropolis <1927> & "friends"  €7.98');
    // No name: the SKU stands in; bare minor units take the total's currency.
    expect(message.email.text).toContain('1 × tee-9  €15.00');
    expect(message.email.text).toContain('Total: €22.98');
    expect(message.email.text).toContain(
      'https://cinesync.example/orders/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
  });

  it('has its own subject and wording for each order status', () => {
    const subjects = ['awaiting_payment', 'paid', 'cancelled', 'failed'].map(
      (status) => orderMessage(order(status), audience)?.email.subject,
    );
    expect(subjects).toEqual([
      'Please pay for your order 0190a1b2',
      'Your receipt for order 0190a1b2',
      'Your order 0190a1b2 was cancelled',
      'Your order 0190a1b2 could not be completed',
    ]);
    expect(orderMessage(order('awaiting_payment', 'new'), audience)?.body).toContain(
      'Please pay €22.98',
    );
    expect(orderMessage(order('paid'), audience)?.email.text).toContain(
      'This e-mail is your receipt.',
    );
    expect(orderMessage(order('cancelled'), audience)?.body).toContain('nothing was charged');
  });

  it('tells nothing for the transient "new" status and something sensible for an unknown one', () => {
    expect(orderMessage(order('new', ''), audience)).toBeNull();
    const shipped = orderMessage(order('partially_shipped'), audience);
    expect(shipped?.type).toBe('order.partially_shipped');
    expect(shipped?.email.subject).toBe('Your order 0190a1b2 is now partially shipped');
  });

  it('greets by name when known and neutrally otherwise, in one-line subjects', () => {
    expect(welcomeMessage({ ...audience, name: 'Bo\r\nBcc: evil@x' }).email.subject).toBe(
      'Welcome to CineSync, Bo Bcc: evil@x!',
    );
    const anonymous = welcomeMessage({ name: null, publicUrl: 'http://localhost:8080' });
    expect(anonymous.email.subject).toBe('Welcome to CineSync!');
    expect(anonymous.email.text.startsWith('Hello,\n')).toBe(true);
    expect(anonymous.email.html).toContain('href="http://localhost:8080/"');
  });

  it('renders ticket updates, tolerating fields it does not know', () => {
    const ticket = parseTicketUpdated({
      ticketId: 't-42',
      userId: 'user-1',
      subject: 'No <sound>',
      status: 'waiting_for_customer',
      change: 'reply_added',
      priority: 'high',
      occurredAt: '2025-01-01T10:00:00.000Z',
    });
    const message = ticketMessage(ticket, audience);
    expect(message.body).toBe(
      'Your support ticket "No <sound>" was updated (reply added). Status: waiting for customer.',
    );
    expect(message.email.html).toContain('No &lt;sound&gt;');
    expect(message.link).toBe('/support/tickets/t-42');
  });

  it('reads support.ticket.updated as the support contract defines it', () => {
    const payload = {
      version: 1,
      ticketId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      userId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      subject: 'Refund',
      status: 'in_progress',
      change: 'replied',
      occurredAt: '2025-01-01T10:00:00.000Z',
    };
    expect(Value.Check(TicketUpdatedV1, payload)).toBe(true);
    const message = ticketMessage(parseTicketUpdated(payload), audience);
    expect(message.body).toBe(
      'There is a new reply to your support ticket "Refund". Status: in progress.',
    );
    const created = ticketMessage(parseTicketUpdated({ ...payload, change: 'created' }), audience);
    expect(created.email.subject).toBe('We received your support ticket "Refund"');
  });

  it('reads orders.order.status_changed as the orders contract defines it', () => {
    const payload = {
      ...order('failed', ''),
      version: 1,
      previousStatus: null,
      items: [{ sku: 7, name: '', count: 1, price: { amount: 100, currency: 'EUR' } }],
      total: { amount: 100, currency: 'EUR' },
    };
    expect(Value.Check(OrderStatusChangedV1, payload)).toBe(true);
    const parsed = parseOrderStatusChanged(payload);
    expect(orderMessage(parsed, audience)?.email.text).toContain('1 × 7  €1.00');
  });

  it('formats money in minor units, whatever the currency', () => {
    expect(formatMoney({ amount: 1999, currency: 'EUR' })).toBe('€19.99');
    expect(formatMoney({ amount: 500, currency: 'JPY' })).toBe('¥500');
    expect(formatMoney({ amount: 1234, currency: 'NOPE1' })).toBe('12.34 NOPE1');
  });

  it('refuses an order event without the fields it needs, and accepts extra ones', () => {
    expect(() => parseOrderStatusChanged({ orderId: 'o-1' })).toThrow(/userId/);
    const parsed = parseOrderStatusChanged({
      ...order('paid'),
      warehouse: 'north',
      items: undefined,
    });
    expect(parsed.items).toEqual([]);
  });
});

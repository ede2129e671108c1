import type { TicketUpdated } from '../events.js';
import { html, layout, oneLine } from './html.js';
import { type Audience, absolute, footer, greeting, type Message, SIGNATURE } from './message.js';

const label = (value: string) => value.replaceAll('_', ' ');

/** What happened, in words; `change` values of the support contract, anything else generically. */
function whatHappened(ticket: TicketUpdated, subject: string): string {
  const change = typeof ticket.change === 'string' ? ticket.change : '';
  switch (change) {
    case 'created':
      return `We received your support ticket "${subject}" and will get back to you.`;
    case 'assigned':
      return `Someone from our support team is now looking after your ticket "${subject}".`;
    case 'replied':
      return `There is a new reply to your support ticket "${subject}".`;
    case 'status_changed':
      return `Your support ticket "${subject}" has a new status.`;
    default:
      return `Your support ticket "${subject}" was updated${change ? ` (${label(change)})` : ''}.`;
  }
}

export function ticketMessage(ticket: TicketUpdated, audience: Audience): Message {
  const subject = ticket.subject?.trim() || `#${ticket.ticketId.slice(0, 8)}`;
  const status = ticket.status ? label(ticket.status) : null;
  const lead = [whatHappened(ticket, subject), ...(status ? [`Status: ${status}.`] : [])].join(' ');
  const path = `/support/tickets/${encodeURIComponent(ticket.ticketId)}`;
  const link = absolute(audience, path);
  const title =
    ticket.change === 'created' ? `Ticket received: ${subject}` : `Ticket updated: ${subject}`;
  const text = [
    greeting(audience),
    '',
    lead,
    '',
    `See the ticket: ${link}`,
    '',
    SIGNATURE,
    '',
    footer(audience),
  ].join('\n');
  const body = html`<p>${greeting(audience)}</p>
<p>${lead}</p>
<p><a href="${link}" style="color:#2563eb">See the ticket</a></p>
<p>${SIGNATURE}</p>`;
  return {
    category: 'support',
    type: 'ticket.updated',
    title: oneLine(title),
    body: lead,
    link: path,
    data: {
      ticketId: ticket.ticketId,
      subject,
      status: ticket.status ?? null,
      change: typeof ticket.change === 'string' ? ticket.change : null,
    },
    email: {
      subject: oneLine(
        ticket.change === 'created'
          ? `We received your support ticket "${subject}"`
          : `Your support ticket "${subject}" was updated`,
      ),
      text,
      html: layout(title, body, footer(audience)),
    },
  };
}

import type { TicketUpdated } from '../events.js';
import { html, layout, oneLine } from './html.js';
import { type Audience, absolute, footer, greeting, type Message, SIGNATURE } from './message.js';

const label = (value: string) => value.replaceAll('_', ' ');

/** `change` is free-form for now: a word like "status_changed" or "reply_added" is shown, anything else is not. */
function changeText(ticket: TicketUpdated): string | null {
  return typeof ticket.change === 'string' && ticket.change.trim() !== ''
    ? label(ticket.change.trim())
    : null;
}

export function ticketMessage(ticket: TicketUpdated, audience: Audience): Message {
  const subject = ticket.subject?.trim() || `#${ticket.ticketId.slice(0, 8)}`;
  const change = changeText(ticket);
  const status = ticket.status ? label(ticket.status) : null;
  const lead = [
    `Your support ticket "${subject}" was updated${change ? ` (${change})` : ''}.`,
    ...(status ? [`Its status is now: ${status}.`] : []),
  ].join(' ');
  const path = `/support/tickets/${encodeURIComponent(ticket.ticketId)}`;
  const link = absolute(audience, path);
  const title = `Support ticket updated: ${subject}`;
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
    data: { ticketId: ticket.ticketId, subject, status: ticket.status ?? null, change },
    email: {
      subject: oneLine(`Your support ticket "${subject}" was updated`),
      text,
      html: layout(title, body, footer(audience)),
    },
  };
}

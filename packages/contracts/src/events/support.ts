import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_CHANGES = ['created', 'status_changed', 'assigned', 'replied'] as const;
export type TicketChange = (typeof TICKET_CHANGES)[number];

/**
 * Something the ticket's owner should hear about happened to a support ticket: it was opened, its
 * status moved, it was (un)assigned, or an agent replied. Key: the ticket id, so one ticket's
 * events arrive in the order they were made; `occurredAt` never goes backwards within a ticket.
 * The message texts stay in the support service; `subject` is the owner's own ticket subject.
 */
export const TicketUpdatedV1 = Type.Object(
  {
    version: Type.Literal(1),
    ticketId: Type.String({ format: 'uuid' }),
    /** The ticket's owner: the user to tell. */
    userId: Type.String({ format: 'uuid' }),
    subject: Type.String(),
    /** The status after this change. */
    status: Type.Enum(TICKET_STATUSES),
    change: Type.Enum(TICKET_CHANGES),
    occurredAt: Type.String({ format: 'date-time' }),
  },
  { title: 'support.ticket.updated v1' },
);
export type TicketUpdatedV1 = Static<typeof TicketUpdatedV1>;

export const ticketUpdated = defineEvent('support.ticket.updated', 1, TicketUpdatedV1);

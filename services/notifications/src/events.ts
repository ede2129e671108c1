import {
  orderStatusChanged,
  parseEvent,
  ticketUpdated,
  type UserRegisteredV1,
  userRegistered,
} from '@cinesync/contracts';
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';

/** The subjects this service consumes; tests use run-unique ones on a shared JetStream. */
export interface Subjects {
  userRegistered: string;
  orderStatusChanged: string;
  ticketUpdated: string;
}

export const defaultSubjects: Subjects = {
  userRegistered: userRegistered.subject,
  orderStatusChanged: orderStatusChanged.subject,
  ticketUpdated: ticketUpdated.subject,
};

export type UserRegistered = UserRegisteredV1;

const Amount = Type.Object({ amount: Type.Number(), currency: Type.String() });

/**
 * What this service reads of `orders.order.status_changed` (contract: OrderStatusChangedV1 in
 * @cinesync/contracts). Looser than the contract on purpose: objects accept unknown fields, a
 * status the templates do not know is told generically, a SKU may be a number or a string and a
 * price an amount object or bare minor units, so the producer can grow the event without sending
 * ours to the dead-letter subject.
 */
const OrderStatusChanged = Type.Object({
  version: Type.Optional(Type.Literal(1)),
  orderId: Type.String({ minLength: 1 }),
  userId: Type.String({ minLength: 1 }),
  status: Type.String({ minLength: 1 }),
  previousStatus: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  items: Type.Array(
    Type.Object({
      sku: Type.Union([Type.String(), Type.Number()]),
      name: Type.Optional(Type.String()),
      count: Type.Number(),
      price: Type.Optional(Type.Union([Amount, Type.Number()])),
    }),
    { default: [] },
  ),
  total: Type.Optional(Amount),
  occurredAt: Type.String({ format: 'date-time' }),
});
export type OrderStatusChanged = Static<typeof OrderStatusChanged>;

/**
 * What this service reads of `support.ticket.updated` (contract: TicketUpdatedV1): only the ids
 * are required, and a status or change it does not know is shown as written.
 */
const TicketUpdated = Type.Object({
  version: Type.Optional(Type.Literal(1)),
  ticketId: Type.String({ minLength: 1 }),
  userId: Type.String({ minLength: 1 }),
  subject: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  change: Type.Optional(Type.Unknown()),
  occurredAt: Type.String({ format: 'date-time' }),
});
export type TicketUpdated = Static<typeof TicketUpdated>;

export class InvalidPayloadError extends Error {
  override readonly name = 'InvalidPayloadError';
}

function parse<S extends TSchema>(subject: string, schema: S, payload: unknown): Static<S> {
  const value = Value.Default(schema, structuredClone(payload));
  if (Value.Check(schema, value)) return value;
  const problems = [...Value.Errors(schema, value)].map(
    (error) => `${error.instancePath || '/'} ${error.message}`,
  );
  throw new InvalidPayloadError(`invalid ${subject} payload: ${problems.join('; ')}`);
}

export const parseUserRegistered = (payload: unknown): UserRegistered =>
  parseEvent(userRegistered, payload);

export const parseOrderStatusChanged = (payload: unknown): OrderStatusChanged =>
  parse('orders.order.status_changed', OrderStatusChanged, payload);

export const parseTicketUpdated = (payload: unknown): TicketUpdated =>
  parse('support.ticket.updated', TicketUpdated, payload);

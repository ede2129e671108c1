import { TICKET_CHANGES, TICKET_STATUSES } from '@cinesync/contracts';
import { ProblemSchema } from '@cinesync/kit/http';
import { Type } from 'typebox';
import { CATEGORIES } from '../repository.js';

export const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Status = Type.Enum(TICKET_STATUSES, {
  description: 'open → in_progress → resolved | closed; see the README for every move',
});
export const Category = Type.Enum(CATEGORIES);

/** Not blank: at least one non-space character. */
const text = (maxLength: number, description: string) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', description });

export const Subject = text(200, 'What the ticket is about, at most 200 characters');
export const Body = text(10_000, 'At most 10 000 characters');

export const IdParams = Type.Object({ id: Uuid });

export const TicketSchema = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    subject: Type.String(),
    category: Category,
    status: Status,
    assigneeId: Nullable(Uuid),
    messageCount: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { title: 'Ticket' },
);

export const MessageSchema = Type.Object(
  {
    id: Uuid,
    authorId: Uuid,
    authorRole: Type.Union([Type.Literal('user'), Type.Literal('agent')], {
      description: "user: the ticket's owner; agent: support staff",
    }),
    body: Type.String(),
    createdAt: Timestamp,
  },
  { title: 'TicketMessage' },
);

export const ChangeSchema = Type.Object(
  {
    id: Uuid,
    actorId: Uuid,
    change: Type.Enum(TICKET_CHANGES),
    fromStatus: Type.Union([Status, Type.Null()]),
    toStatus: Status,
    assigneeId: Nullable(Uuid),
    createdAt: Timestamp,
  },
  { title: 'TicketChange' },
);

export const TicketDetailSchema = Type.Object(
  {
    ...TicketSchema.properties,
    messages: Type.Array(MessageSchema, { description: 'The thread, oldest first' }),
    history: Type.Array(ChangeSchema, { description: 'Every change, oldest first' }),
  },
  { title: 'TicketDetail' },
);

export const TicketPage = Type.Object(
  {
    items: Type.Array(TicketSchema),
    total: Type.Integer({ description: 'Matches over all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'TicketPage' },
);

export const AgentSchema = Type.Object(
  { id: Uuid, email: Nullable(Type.String()), lastSeenAt: Timestamp },
  { title: 'Agent' },
);

/** The error answers a route may give, documented in OpenAPI. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));

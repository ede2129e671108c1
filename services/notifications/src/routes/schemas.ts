import { ProblemSchema } from '@cinesync/kit/http';
import { Type } from 'typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../feed.js';
import type { NotificationRow } from '../repository/index.js';

export const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

export const Notification = Type.Object(
  {
    id: Uuid,
    seq: Type.Integer({
      description: "Position in the user's feed; the live stream's event id (Last-Event-ID)",
    }),
    category: Type.Union([
      Type.Literal('welcome'),
      Type.Literal('orders'),
      Type.Literal('support'),
    ]),
    type: Type.String({ description: 'Finer kind, e.g. order.paid, ticket.updated, welcome' }),
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()], {
      description: 'Path in the web UI, e.g. /orders/{id}',
    }),
    data: Type.Object(
      {},
      { additionalProperties: true, description: 'Facts of the event: order id, items, totals...' },
    ),
    createdAt: Timestamp,
    readAt: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'Notification' },
);

export const toBody = (row: NotificationRow) => ({
  id: row.id,
  seq: row.seq,
  category: row.category,
  type: row.type,
  title: row.title,
  body: row.body,
  link: row.link,
  data: row.data,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export const FeedQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
  unreadOnly: Type.Boolean({ default: false, description: 'Only notifications not read yet' }),
});

export const FeedPage = Type.Object(
  {
    items: Type.Array(Notification),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    hasMore: Type.Boolean({ description: 'Whether a next page exists' }),
    unreadCount: Type.Integer({ description: "All of the user's unread notifications" }),
  },
  { title: 'NotificationPage' },
);

export const EmailPreferences = Type.Object(
  {
    welcome: Type.Boolean(),
    orders: Type.Boolean({
      description: 'Order status changes: payment due, receipt, cancelled, failed',
    }),
    support: Type.Boolean({ description: 'Updates of your support tickets' }),
  },
  { additionalProperties: false },
);

export const Preferences = Type.Object(
  { email: EmailPreferences },
  {
    title: 'NotificationPreferences',
    description: 'Which e-mails the user gets; in-app notifications are always on',
    additionalProperties: false,
  },
);

/** The error answers a route may give, documented in OpenAPI. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));

import type { Queryable } from '@cinesync/kit/db';
import { notFound } from '@cinesync/kit/http';
import {
  countUnread,
  headSeq,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './repository/index.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** A stream resuming from an old id gets at most this many missed notifications. */
export const MAX_RESUME = 100;

export interface FeedPage {
  items: NotificationRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  unreadCount: number;
}

/** The user's notifications, newest first; one extra row tells whether another page follows. */
export async function listFeed(
  q: Queryable,
  userId: string,
  request: { page: number; pageSize: number; unreadOnly: boolean },
): Promise<FeedPage> {
  const rows = await listNotifications(q, userId, {
    limit: request.pageSize + 1,
    offset: (request.page - 1) * request.pageSize,
    unreadOnly: request.unreadOnly,
  });
  return {
    items: rows.slice(0, request.pageSize),
    page: request.page,
    pageSize: request.pageSize,
    hasMore: rows.length > request.pageSize,
    unreadCount: await countUnread(q, userId),
  };
}

/** Idempotent; someone else's notification is "not found", never "forbidden", so ids leak nothing. */
export async function readOne(q: Queryable, userId: string, id: string): Promise<NotificationRow> {
  const row = await markRead(q, userId, id);
  if (!row) throw notFound('No such notification.', 'notification_not_found');
  return row;
}

export async function readAll(q: Queryable, userId: string): Promise<{ marked: number }> {
  return { marked: await markAllRead(q, userId) };
}

/**
 * Where a live stream starts: after the Last-Event-ID the client saw, at most MAX_RESUME back,
 * never past the head (an id from another database is not trusted); without one, at the head.
 */
export async function streamStart(
  q: Queryable,
  userId: string,
  lastEventId: number | undefined,
): Promise<number> {
  const head = await headSeq(q, userId);
  if (lastEventId === undefined) return head;
  return Math.max(Math.min(lastEventId, head), head - MAX_RESUME, 0);
}

import type { Queryable, Tx } from '@cinesync/kit/db';
import type { Category } from '../templates/index.js';

export interface NotificationRow {
  id: string;
  userId: string;
  /** Per-user, gap-free, in commit order: the stream's event id. */
  seq: number;
  category: Category;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export type NewNotification = Omit<NotificationRow, 'seq' | 'createdAt' | 'readAt'> & {
  eventId: string;
};

type DbRow = {
  id: string;
  user_id: string;
  user_seq: string;
  category: Category;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
};

const COLUMNS =
  'id, user_id, user_seq, category, type, title, body, link, data, created_at, read_at';

const toRow = (row: DbRow): NotificationRow => ({
  id: row.id,
  userId: row.user_id,
  seq: Number(row.user_seq),
  category: row.category,
  type: row.type,
  title: row.title,
  body: row.body,
  link: row.link,
  data: row.data,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/**
 * Inserts with the user's next seq. Taking the seq locks the user's feed_heads row until the
 * transaction ends, so two transactions writing for one user commit in seq order.
 */
export async function insertNotification(tx: Tx, n: NewNotification): Promise<NotificationRow> {
  const head = await tx.query<{ last_seq: string }>(
    `INSERT INTO feed_heads (user_id, last_seq) VALUES ($1, 1)
     ON CONFLICT (user_id) DO UPDATE SET last_seq = feed_heads.last_seq + 1
     RETURNING last_seq`,
    [n.userId],
  );
  const seq = head.rows[0]?.last_seq;
  const { rows } = await tx.query<DbRow>(
    `INSERT INTO notifications (id, user_id, user_seq, category, type, title, body, link, data, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      n.id,
      n.userId,
      seq,
      n.category,
      n.type,
      n.title,
      n.body,
      n.link,
      JSON.stringify(n.data),
      n.eventId,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return toRow(row);
}

/** The user's latest seq, 0 before their first notification. */
export async function headSeq(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ last_seq: string }>(
    'SELECT last_seq FROM feed_heads WHERE user_id = $1',
    [userId],
  );
  return Number(rows[0]?.last_seq ?? 0);
}

export async function listNotifications(
  q: Queryable,
  userId: string,
  options: { limit: number; offset: number; unreadOnly: boolean },
): Promise<NotificationRow[]> {
  const { rows } = await q.query<DbRow>(
    `SELECT ${COLUMNS} FROM notifications
     WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
     ORDER BY user_seq DESC LIMIT $3 OFFSET $4`,
    [userId, options.unreadOnly, options.limit, options.offset],
  );
  return rows.map(toRow);
}

export async function countUnread(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ unread: number }>(
    'SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return rows[0]?.unread ?? 0;
}

/** Marks one of the user's notifications read (keeping the first read time); undefined if not theirs. */
export async function markRead(
  q: Queryable,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  const { rows } = await q.query<DbRow>(
    `UPDATE notifications SET read_at = COALESCE(read_at, now())
     WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId],
  );
  const row = rows[0];
  return row && toRow(row);
}

export async function markAllRead(q: Queryable, userId: string): Promise<number> {
  const { rowCount } = await q.query(
    'UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return rowCount;
}

/** Notifications after each user's cursor, oldest first per user: what live streams still lack. */
export async function notificationsAfter(
  q: Queryable,
  cursors: ReadonlyMap<string, number>,
  limit: number,
): Promise<NotificationRow[]> {
  if (cursors.size === 0) return [];
  const { rows } = await q.query<DbRow>(
    `SELECT ${COLUMNS.split(', ')
      .map((column) => `n.${column}`)
      .join(', ')}
     FROM unnest($1::text[], $2::bigint[]) AS c(user_id, after)
     JOIN notifications n ON n.user_id = c.user_id AND n.user_seq > c.after
     ORDER BY n.user_id, n.user_seq LIMIT $3`,
    [[...cursors.keys()], [...cursors.values()], limit],
  );
  return rows.map(toRow);
}

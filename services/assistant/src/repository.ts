import type { Queryable } from '@cinesync/kit/db';

export type MessageRole = 'user' | 'assistant';
export type MessageStatus = 'complete' | 'interrupted';

export type SessionRow = {
  id: string;
  userId: string;
  title: string | null;
  messageCount: number;
  tokenCount: number;
  answeringUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type MessageRow = {
  id: string;
  sessionId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  tokens: number;
  provider: string | null;
  createdAt: Date;
};

export type RatingRow = { filmId: string; value: number; ratedAt: Date };

const SESSION_COLUMNS = `id, user_id AS "userId", title, message_count AS "messageCount",
  token_count AS "tokenCount", answering_until AS "answeringUntil",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const MESSAGE_COLUMNS = `id, session_id AS "sessionId", role, content, status, tokens, provider,
  created_at AS "createdAt"`;

export async function insertSession(db: Queryable, session: SessionRow): Promise<void> {
  await db.query(
    `INSERT INTO chat_sessions (id, user_id, title, message_count, token_count, answering_until,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      session.id,
      session.userId,
      session.title,
      session.messageCount,
      session.tokenCount,
      session.answeringUntil,
      session.createdAt,
      session.updatedAt,
    ],
  );
}

/** The user's session (another user's reads as missing). */
export async function findSession(
  db: Queryable,
  userId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM chat_sessions WHERE id = $1 AND user_id = $2
     ${options.lock ? 'FOR UPDATE' : ''}`,
    [id, userId],
  );
  return rows[0];
}

export async function listSessions(
  db: Queryable,
  userId: string,
  page: { limit: number; offset: number },
): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM chat_sessions WHERE user_id = $1
     ORDER BY updated_at DESC, id DESC LIMIT $2 OFFSET $3`,
    [userId, page.limit, page.offset],
  );
  return rows;
}

export async function updateSession(
  db: Queryable,
  id: string,
  fields: Pick<
    SessionRow,
    'title' | 'messageCount' | 'tokenCount' | 'answeringUntil' | 'updatedAt'
  >,
): Promise<void> {
  await db.query(
    `UPDATE chat_sessions SET title = $2, message_count = $3, token_count = $4,
       answering_until = $5, updated_at = $6
     WHERE id = $1`,
    [
      id,
      fields.title,
      fields.messageCount,
      fields.tokenCount,
      fields.answeringUntil,
      fields.updatedAt,
    ],
  );
}

export async function deleteSession(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM chat_sessions WHERE id = $1 AND user_id = $2', [
    id,
    userId,
  ]);
  return rowCount > 0;
}

export async function insertMessage(db: Queryable, message: MessageRow): Promise<void> {
  await db.query(
    `INSERT INTO chat_messages (id, session_id, role, content, status, tokens, provider, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      message.id,
      message.sessionId,
      message.role,
      message.content,
      message.status,
      message.tokens,
      message.provider,
      message.createdAt,
    ],
  );
}

/** A page of the history, oldest first: the `limit` messages just before `before` (or the latest). */
export async function listMessages(
  db: Queryable,
  sessionId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } },
): Promise<MessageRow[]> {
  const params: unknown[] = [sessionId, page.limit];
  let before = '';
  if (page.before) {
    params.push(page.before.createdAt, page.before.id);
    before = 'AND (created_at, id) < ($3, $4)';
  }
  const { rows } = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM chat_messages WHERE session_id = $1 ${before}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  return rows.reverse();
}

export async function findMessage(
  db: Queryable,
  sessionId: string,
  id: string,
): Promise<MessageRow | undefined> {
  const { rows } = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM chat_messages WHERE session_id = $1 AND id = $2`,
    [sessionId, id],
  );
  return rows[0];
}

/** Complete messages, newest first, until their tokens pass `budget` (the one passing it excluded). */
export async function recentContext(
  db: Queryable,
  sessionId: string,
  budget: number,
): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM (
       SELECT m.*, sum(tokens) OVER (ORDER BY created_at DESC, id DESC) AS running
       FROM chat_messages m WHERE session_id = $1 AND status = 'complete'
     ) recent
     WHERE running <= $2
     ORDER BY created_at DESC, id DESC`,
    [sessionId, budget],
  );
  return rows.reverse();
}

/** Applies one rating event unless a newer one for the same user and film was applied. */
export async function applyRating(
  db: Queryable,
  rating: { userId: string; filmId: string; value: number | null; ratedAt: string },
): Promise<void> {
  await db.query(
    `INSERT INTO user_ratings (user_id, film_id, value, rated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, film_id) DO UPDATE SET value = EXCLUDED.value, rated_at = EXCLUDED.rated_at
     WHERE user_ratings.rated_at <= EXCLUDED.rated_at`,
    [rating.userId, rating.filmId, rating.value, rating.ratedAt],
  );
}

/** The user's current ratings, highest first, then most recent. */
export async function listRatings(
  db: Queryable,
  userId: string,
  limit: number,
): Promise<RatingRow[]> {
  const { rows } = await db.query<RatingRow>(
    `SELECT film_id AS "filmId", value, rated_at AS "ratedAt" FROM user_ratings
     WHERE user_id = $1 AND value IS NOT NULL
     ORDER BY value DESC, rated_at DESC, film_id LIMIT $2`,
    [userId, limit],
  );
  return rows;
}

import type { Queryable } from '@cinesync/kit/db';

export interface CommentRow {
  id: string;
  reviewId: string;
  parentId: string | null;
  userId: string;
  author: string | null;
  text: string;
  depth: number;
  path: string[];
  createdAt: Date;
}

type CommentRecord = {
  id: string;
  review_id: string;
  parent_id: string | null;
  user_id: string;
  author_name: string | null;
  body: string;
  depth: number;
  path: string[];
  created_at: Date;
};

const COLUMNS = 'id, review_id, parent_id, user_id, author_name, body, depth, path, created_at';

const toComment = (row: CommentRecord): CommentRow => ({
  id: row.id,
  reviewId: row.review_id,
  parentId: row.parent_id,
  userId: row.user_id,
  author: row.author_name,
  text: row.body,
  depth: row.depth,
  path: row.path,
  createdAt: row.created_at,
});

export async function findComment(db: Queryable, id: string): Promise<CommentRow | null> {
  const { rows } = await db.query<CommentRecord>(
    `SELECT ${COLUMNS} FROM review_comments WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? toComment(row) : null;
}

export async function insertComment(
  db: Queryable,
  comment: Omit<CommentRow, 'createdAt'>,
): Promise<CommentRow> {
  const { rows } = await db.query<CommentRecord>(
    `INSERT INTO review_comments (id, review_id, parent_id, user_id, author_name, body, depth, path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[])
     RETURNING ${COLUMNS}`,
    [
      comment.id,
      comment.reviewId,
      comment.parentId,
      comment.userId,
      comment.author,
      comment.text,
      comment.depth,
      comment.path,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insertComment: no row returned');
  return toComment(row);
}

/** A page of thread roots, oldest first (review_comments_roots). */
export async function listRootIds(
  db: Queryable,
  reviewId: string,
  limit: number,
  offset: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM review_comments WHERE review_id = $1 AND parent_id IS NULL
     ORDER BY id LIMIT $2 OFFSET $3`,
    [reviewId, limit, offset],
  );
  return rows.map((row) => row.id);
}

/** Every comment of these threads, depth-first (review_comments_thread). */
export async function listThreads(
  db: Queryable,
  reviewId: string,
  rootIds: readonly string[],
): Promise<CommentRow[]> {
  if (rootIds.length === 0) return [];
  const { rows } = await db.query<CommentRecord>(
    `SELECT ${COLUMNS} FROM review_comments WHERE review_id = $1 AND path[1] = ANY($2::uuid[])
     ORDER BY path`,
    [reviewId, rootIds],
  );
  return rows.map(toComment);
}

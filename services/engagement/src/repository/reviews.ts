import type { Queryable, Tx } from '@cinesync/kit/db';

export interface ReviewRow {
  id: string;
  filmId: string;
  userId: string;
  author: string | null;
  text: string;
  upVotes: number;
  downVotes: number;
  createdAt: Date;
  updatedAt: Date;
}

type ReviewRecord = {
  id: string;
  film_id: string;
  user_id: string;
  author_name: string | null;
  body: string;
  up_votes: number;
  down_votes: number;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS =
  'id, film_id, user_id, author_name, body, up_votes, down_votes, created_at, updated_at';

const toReview = (row: ReviewRecord): ReviewRow => ({
  id: row.id,
  filmId: row.film_id,
  userId: row.user_id,
  author: row.author_name,
  text: row.body,
  upVotes: row.up_votes,
  downVotes: row.down_votes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Throws a unique violation (reviews_one_per_user_film) when the user already reviewed the film. */
export async function insertReview(
  tx: Tx,
  review: { id: string; filmId: string; userId: string; author: string | null; text: string },
): Promise<ReviewRow> {
  const { rows } = await tx.query<ReviewRecord>(
    `INSERT INTO reviews (id, film_id, user_id, author_name, body) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [review.id, review.filmId, review.userId, review.author, review.text],
  );
  const row = rows[0];
  if (!row) throw new Error('insertReview: no row returned');
  return toReview(row);
}

export async function findReview(db: Queryable, id: string): Promise<ReviewRow | null> {
  const { rows } = await db.query<ReviewRecord>(`SELECT ${COLUMNS} FROM reviews WHERE id = $1`, [
    id,
  ]);
  const row = rows[0];
  return row ? toReview(row) : null;
}

/**
 * Locks the review row for the rest of the transaction. Votes and deletes both take this lock
 * first, so they queue on it instead of deadlocking on votes and counters in opposite orders.
 */
export async function lockReview(tx: Tx, id: string): Promise<ReviewRow | null> {
  const { rows } = await tx.query<ReviewRecord>(
    `SELECT ${COLUMNS} FROM reviews WHERE id = $1 FOR NO KEY UPDATE`,
    [id],
  );
  const row = rows[0];
  return row ? toReview(row) : null;
}

export async function updateReviewText(tx: Tx, id: string, text: string): Promise<ReviewRow> {
  const { rows } = await tx.query<ReviewRecord>(
    `UPDATE reviews SET body = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, text],
  );
  const row = rows[0];
  if (!row) throw new Error('updateReviewText: the locked review is gone');
  return toReview(row);
}

/** Its votes and comments go with it (ON DELETE CASCADE). */
export async function deleteReview(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM reviews WHERE id = $1', [id]);
}

export type ReviewSort = 'new' | 'top';

const ORDER: Record<ReviewSort, string> = {
  // reviews_film_new
  new: 'created_at DESC, id DESC',
  // reviews_film_top
  top: '(up_votes - down_votes) DESC, created_at DESC, id DESC',
};

export async function listFilmReviews(
  db: Queryable,
  filmId: string,
  sort: ReviewSort,
  limit: number,
  offset: number,
): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRecord>(
    `SELECT ${COLUMNS} FROM reviews WHERE film_id = $1 ORDER BY ${ORDER[sort]} LIMIT $2 OFFSET $3`,
    [filmId, limit, offset],
  );
  return rows.map(toReview);
}

/** The user's votes on these reviews, by review id (primary key lookups). */
export async function findVotes(
  db: Queryable,
  userId: string,
  reviewIds: readonly string[],
): Promise<Map<string, number>> {
  if (reviewIds.length === 0) return new Map();
  const { rows } = await db.query<{ review_id: string; value: number }>(
    'SELECT review_id, value FROM review_votes WHERE review_id = ANY($1::uuid[]) AND user_id = $2',
    [reviewIds, userId],
  );
  return new Map(rows.map((row) => [row.review_id, row.value]));
}

/** The user's vote on the review, row-locked; null when there is none. */
export async function lockVote(tx: Tx, reviewId: string, userId: string): Promise<number | null> {
  const { rows } = await tx.query<{ value: number }>(
    'SELECT value FROM review_votes WHERE review_id = $1 AND user_id = $2 FOR UPDATE',
    [reviewId, userId],
  );
  return rows[0]?.value ?? null;
}

export async function insertVote(
  tx: Tx,
  reviewId: string,
  userId: string,
  value: number,
): Promise<void> {
  await tx.query('INSERT INTO review_votes (review_id, user_id, value) VALUES ($1, $2, $3)', [
    reviewId,
    userId,
    value,
  ]);
}

export async function updateVote(
  tx: Tx,
  reviewId: string,
  userId: string,
  value: number,
): Promise<void> {
  await tx.query(
    'UPDATE review_votes SET value = $3, updated_at = now() WHERE review_id = $1 AND user_id = $2',
    [reviewId, userId, value],
  );
}

export async function deleteVote(tx: Tx, reviewId: string, userId: string): Promise<void> {
  await tx.query('DELETE FROM review_votes WHERE review_id = $1 AND user_id = $2', [
    reviewId,
    userId,
  ]);
}

/** Relative update of the counters: never read, changed in JS and written back. */
export async function addVoteCounts(
  tx: Tx,
  reviewId: string,
  up: number,
  down: number,
): Promise<{ upVotes: number; downVotes: number }> {
  const { rows } = await tx.query<{ up_votes: number; down_votes: number }>(
    `UPDATE reviews SET up_votes = up_votes + $2, down_votes = down_votes + $3 WHERE id = $1
     RETURNING up_votes, down_votes`,
    [reviewId, up, down],
  );
  const row = rows[0];
  if (!row) throw new Error('addVoteCounts: the locked review is gone');
  return { upVotes: row.up_votes, downVotes: row.down_votes };
}

/** The review's counters counted from its votes: what up_votes/down_votes must always equal. */
export async function recountVotes(
  db: Queryable,
  reviewId: string,
): Promise<{ upVotes: number; downVotes: number }> {
  const { rows } = await db.query<{ up: string; down: string }>(
    `SELECT count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down
     FROM review_votes WHERE review_id = $1`,
    [reviewId],
  );
  const row = rows[0];
  return { upVotes: Number(row?.up ?? 0), downVotes: Number(row?.down ?? 0) };
}

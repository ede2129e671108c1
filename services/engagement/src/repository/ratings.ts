import type { Queryable, Tx } from '@cinesync/kit/db';

/** How one rating change moves the film's aggregate: counts and sums to add (may be negative). */
export interface StatsDelta {
  count: number;
  sum: number;
  /** buckets[i] is the change of the number of ratings with value i + 1. */
  buckets: readonly number[];
}

export interface FilmStatsRow {
  filmId: string;
  count: number;
  sum: number;
  buckets: number[];
}

const BUCKETS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10'] as const;
const STATS_COLUMNS = `film_id, ratings_count, ratings_sum, ${BUCKETS.join(', ')}`;

type StatsRecord = {
  film_id: string;
  ratings_count: number;
  ratings_sum: string;
  [bucket: string]: unknown;
};

function toStats(row: StatsRecord): FilmStatsRow {
  return {
    filmId: row.film_id,
    count: row.ratings_count,
    sum: Number(row.ratings_sum),
    buckets: BUCKETS.map((bucket) => Number(row[bucket])),
  };
}

export interface RatingRow {
  filmId: string;
  value: number;
  createdAt: Date;
  updatedAt: Date;
}

type RatingRecord = {
  film_id: string;
  value: number;
  created_at: Date;
  updated_at: Date;
};

const toRating = (row: RatingRecord): RatingRow => ({
  filmId: row.film_id,
  value: row.value,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The user's current rating, row-locked until the transaction ends; null when there is none. */
export async function lockRating(tx: Tx, userId: string, filmId: string): Promise<number | null> {
  const { rows } = await tx.query<{ value: number }>(
    'SELECT value FROM ratings WHERE user_id = $1 AND film_id = $2 FOR UPDATE',
    [userId, filmId],
  );
  return rows[0]?.value ?? null;
}

/** Inserts a first rating; null when a row already exists (a concurrent first rating won). */
export async function insertRating(
  tx: Tx,
  userId: string,
  filmId: string,
  value: number,
): Promise<RatingRow | null> {
  const { rows } = await tx.query<RatingRecord>(
    `INSERT INTO ratings (user_id, film_id, value) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, film_id) DO NOTHING
     RETURNING film_id, value, created_at, updated_at`,
    [userId, filmId, value],
  );
  const row = rows[0];
  return row ? toRating(row) : null;
}

export async function updateRating(
  tx: Tx,
  userId: string,
  filmId: string,
  value: number,
): Promise<RatingRow> {
  const { rows } = await tx.query<RatingRecord>(
    `UPDATE ratings SET value = $3, updated_at = now() WHERE user_id = $1 AND film_id = $2
     RETURNING film_id, value, created_at, updated_at`,
    [userId, filmId, value],
  );
  const row = rows[0];
  if (!row) throw new Error('updateRating: the locked rating row is gone');
  return toRating(row);
}

/** Deletes the rating and returns the value it had; null when there was none. */
export async function deleteRating(tx: Tx, userId: string, filmId: string): Promise<number | null> {
  const { rows } = await tx.query<{ value: number }>(
    'DELETE FROM ratings WHERE user_id = $1 AND film_id = $2 RETURNING value',
    [userId, filmId],
  );
  return rows[0]?.value ?? null;
}

export async function findRating(
  db: Queryable,
  userId: string,
  filmId: string,
): Promise<RatingRow | null> {
  const { rows } = await db.query<RatingRecord>(
    'SELECT film_id, value, created_at, updated_at FROM ratings WHERE user_id = $1 AND film_id = $2',
    [userId, filmId],
  );
  const row = rows[0];
  return row ? toRating(row) : null;
}

/**
 * Adds the delta to the film's row in one statement (`r7 = r7 + 1`): Postgres applies it to the
 * latest committed row under its row lock, so concurrent changes never overwrite each other.
 * The first rating of a film creates the row (an INSERT with the delta itself would be refused
 * by the CHECKs, which Postgres tests on the proposed row before it sees the conflict).
 */
export async function applyStatsDelta(
  tx: Tx,
  filmId: string,
  delta: StatsDelta,
): Promise<FilmStatsRow> {
  const sets = BUCKETS.map((column, i) => `${column} = ${column} + $${i + 4}`).join(', ');
  const update = () =>
    tx.query<StatsRecord>(
      `UPDATE film_stats SET ratings_count = ratings_count + $2, ratings_sum = ratings_sum + $3,
         ${sets}, updated_at = now()
       WHERE film_id = $1 RETURNING ${STATS_COLUMNS}`,
      [filmId, delta.count, delta.sum, ...delta.buckets],
    );
  let row = (await update()).rows[0];
  if (!row) {
    await tx.query('INSERT INTO film_stats (film_id) VALUES ($1) ON CONFLICT DO NOTHING', [filmId]);
    row = (await update()).rows[0];
  }
  if (!row) throw new Error('applyStatsDelta: no film_stats row after creating it');
  return toStats(row);
}

export async function findStats(db: Queryable, filmId: string): Promise<FilmStatsRow | null> {
  const { rows } = await db.query<StatsRecord>(
    `SELECT ${STATS_COLUMNS} FROM film_stats WHERE film_id = $1`,
    [filmId],
  );
  const row = rows[0];
  return row ? toStats(row) : null;
}

/** The film's stats counted from the ratings themselves: what film_stats must always equal. */
export async function recountStats(db: Queryable, filmId: string): Promise<FilmStatsRow> {
  const { rows } = await db.query<{ value: number; n: string }>(
    'SELECT value, count(*) AS n FROM ratings WHERE film_id = $1 GROUP BY value',
    [filmId],
  );
  const buckets = BUCKETS.map(() => 0);
  let count = 0;
  let sum = 0;
  for (const { value, n } of rows) {
    const times = Number(n);
    buckets[value - 1] = times;
    count += times;
    sum += value * times;
  }
  return { filmId, count, sum, buckets };
}

import type { Queryable } from '@cinesync/kit/db';

export interface BookmarkRow {
  filmId: string;
  title: string;
  year: number | null;
  createdAt: Date;
}

type BookmarkRecord = {
  film_id: string;
  film_title: string;
  film_year: number | null;
  created_at: Date;
};

const COLUMNS = 'film_id, film_title, film_year, created_at';

const toBookmark = (row: BookmarkRecord): BookmarkRow => ({
  filmId: row.film_id,
  title: row.film_title,
  year: row.film_year,
  createdAt: row.created_at,
});

export async function findBookmark(
  db: Queryable,
  userId: string,
  filmId: string,
): Promise<BookmarkRow | null> {
  const { rows } = await db.query<BookmarkRecord>(
    `SELECT ${COLUMNS} FROM bookmarks WHERE user_id = $1 AND film_id = $2`,
    [userId, filmId],
  );
  const row = rows[0];
  return row ? toBookmark(row) : null;
}

/** Null when the user already has this bookmark. */
export async function insertBookmark(
  db: Queryable,
  userId: string,
  film: { id: string; title: string; year: number | null },
): Promise<BookmarkRow | null> {
  const { rows } = await db.query<BookmarkRecord>(
    `INSERT INTO bookmarks (user_id, film_id, film_title, film_year) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, film_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [userId, film.id, film.title, film.year],
  );
  const row = rows[0];
  return row ? toBookmark(row) : null;
}

export async function deleteBookmark(
  db: Queryable,
  userId: string,
  filmId: string,
): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM bookmarks WHERE user_id = $1 AND film_id = $2', [
    userId,
    filmId,
  ]);
  return rowCount > 0;
}

/** Newest first; served by bookmarks_user_recent. */
export async function listBookmarks(
  db: Queryable,
  userId: string,
  limit: number,
  offset: number,
): Promise<BookmarkRow[]> {
  const { rows } = await db.query<BookmarkRecord>(
    `SELECT ${COLUMNS} FROM bookmarks WHERE user_id = $1
     ORDER BY created_at DESC, film_id DESC LIMIT $2 OFFSET $3`,
    [userId, limit, offset],
  );
  return rows.map(toBookmark);
}

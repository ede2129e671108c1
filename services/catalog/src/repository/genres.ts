import type { Queryable } from '@cinesync/kit/db';
import type { Genre } from '../model.js';

export async function listGenres(db: Queryable): Promise<(Genre & { filmCount: number })[]> {
  const { rows } = await db.query<{ id: number; name: string; slug: string; film_count: number }>(
    `SELECT g.id, g.name, g.slug,
            (SELECT count(*)::int FROM film_genres fg WHERE fg.genre_id = g.id) AS film_count
     FROM genres g ORDER BY lower(g.name) COLLATE "C"`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    filmCount: row.film_count,
  }));
}

import type { Queryable } from '@cinesync/kit/db';
import type { Credit, Page, PersonDetail, PersonSummary, Role } from '../model.js';
import { likeEscape } from './search.js';

interface PersonRow {
  id: string;
  name: string;
  film_count: number;
  [column: string]: unknown;
}

/**
 * The exact name first, then people whose name starts with the query, then whose name has a
 * word starting with it ("pac" → Al Pacino), then — with pg_trgm — whose name is word-similar
 * to it ("pacinno"). Prefix matches are ordered by filmography size, typos by closeness.
 */
export async function searchPersons(
  db: Queryable,
  search: { query?: string; page: number; pageSize: number },
  options: { trigram: boolean },
): Promise<Page<PersonSummary>> {
  const params: unknown[] = [];
  let where = '';
  let order = 'lower(pe.name) COLLATE "C", pe.id';
  if (search.query !== undefined) {
    const escaped = likeEscape(search.query.toLowerCase());
    params.push(search.query, `${escaped}%`, `% ${escaped}%`);
    const prefix = 'lower(pe.name) LIKE $2';
    const wordPrefix = 'lower(pe.name) LIKE $3';
    const fuzzy = options.trigram ? ' OR $1 <% pe.name' : '';
    where = `WHERE (lower(pe.name) = lower($1) OR ${prefix} OR ${wordPrefix}${fuzzy})`;
    // Among name-start matches the better-known person first; among typos the closer name.
    const closeness = options.trigram
      ? `CASE WHEN ${prefix} OR ${wordPrefix} THEN 1 ELSE similarity(pe.name, $1) END DESC,`
      : '';
    order = `lower(pe.name) = lower($1) DESC,
             CASE WHEN ${prefix} THEN 0 WHEN ${wordPrefix} THEN 1 ELSE 2 END, ${closeness}
             film_count DESC, ${order}`;
  }
  const countParams = [...params];
  params.push(search.pageSize, (search.page - 1) * search.pageSize);
  const [page, count] = await Promise.all([
    db.query<PersonRow>(
      `SELECT pe.id, pe.name,
              (SELECT count(DISTINCT fp.film_id)::int FROM film_persons fp
               WHERE fp.person_id = pe.id) AS film_count
       FROM persons pe ${where}
       ORDER BY ${order}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    ),
    db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM persons pe ${where}`,
      countParams,
    ),
  ]);
  return {
    items: page.rows.map((row) => ({ id: row.id, name: row.name, filmCount: row.film_count })),
    total: count.rows[0]?.total ?? 0,
    page: search.page,
    pageSize: search.pageSize,
  };
}

interface CreditRow {
  film_id: string;
  title: string;
  year: number | null;
  role: Role;
  character: string | null;
  [column: string]: unknown;
}

/** A person with every credit, newest film first. */
export async function getPerson(db: Queryable, id: string): Promise<PersonDetail | undefined> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM persons WHERE id = $1',
    [id],
  );
  const person = rows[0];
  if (!person) return undefined;
  const { rows: credits } = await db.query<CreditRow>(
    `SELECT f.id AS film_id, f.title, f.year, fp.role, fp."character"
     FROM film_persons fp JOIN films f ON f.id = fp.film_id
     WHERE fp.person_id = $1
     ORDER BY f.year DESC NULLS LAST, lower(f.title) COLLATE "C", f.id,
              array_position(ARRAY['director', 'writer', 'actor'], fp.role)`,
    [id],
  );
  const filmography: Credit[] = credits.map((row) => ({
    filmId: row.film_id,
    title: row.title,
    year: row.year,
    role: row.role,
    character: row.character,
  }));
  return { id: person.id, name: person.name, filmography };
}

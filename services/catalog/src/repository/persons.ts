import type { Db, Queryable } from '@cinesync/kit/db';
import type { Credit, Page, PersonDetail, PersonSummary, Role } from '../model.js';
import { closestFirst, likeEscape } from './search.js';

interface PersonRow {
  id: string;
  name: string;
  film_count: number;
  [column: string]: unknown;
}

interface PersonMatch {
  where: string;
  order: string;
  params: unknown[];
}

const NAME_ORDER = 'lower(c.name) COLLATE "C", c.id';

/**
 * Phase 1: the exact name, then names starting with the query, then names with a word starting
 * with it ("pac" → Al Pacino); the better-known person (more films) first within each.
 */
function byPrefix(query: string): PersonMatch {
  const escaped = likeEscape(query);
  return {
    params: [query, `${escaped}%`, `% ${escaped}%`],
    where: `pe.search_name = catalog_fold($1) OR pe.search_name LIKE catalog_fold($2)
            OR pe.search_name LIKE catalog_fold($3)`,
    order: `c.search_name = catalog_fold($1) DESC, c.search_name LIKE catalog_fold($2) DESC,
            c.film_count DESC`,
  };
}

/** Phase 2, only when phase 1 found nobody (pg_trgm): names word-similar to the query ("pacinno"). */
function byTypo(query: string): PersonMatch {
  return {
    params: [query],
    where: 'catalog_fold($1) <% pe.search_name',
    order: 'similarity(c.search_name, catalog_fold($1)) DESC, c.film_count DESC',
  };
}

async function runPersonPage(
  db: Queryable,
  search: { page: number; pageSize: number },
  match: PersonMatch | undefined,
): Promise<Page<PersonSummary>> {
  const params = [...(match?.params ?? [])];
  const where = match ? `WHERE ${match.where}` : '';
  const countParams = [...params];
  params.push(search.pageSize, (search.page - 1) * search.pageSize);
  // Film counts in one grouped pass over the candidates' credits, not one subquery per person.
  const { rows } = await db.query<PersonRow>(
    `WITH c0 AS (SELECT pe.id, pe.name, pe.search_name FROM persons pe ${where}),
          c AS (
            SELECT c0.id, c0.name, c0.search_name, coalesce(n.film_count, 0) AS film_count
            FROM c0 LEFT JOIN (
              SELECT person_id, count(DISTINCT film_id)::int AS film_count FROM film_persons
              WHERE person_id IN (SELECT id FROM c0) GROUP BY person_id
            ) n ON n.person_id = c0.id
          )
     SELECT c.id, c.name, c.film_count FROM c
     ORDER BY ${match ? `${match.order}, ` : ''}${NAME_ORDER}
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const total =
    search.page === 1 && rows.length < search.pageSize
      ? rows.length
      : ((
          await db.query<{ total: number }>(
            `SELECT count(*)::int AS total FROM persons pe ${where}`,
            countParams,
          )
        ).rows[0]?.total ?? 0);
  return {
    items: rows.map((row) => ({ id: row.id, name: row.name, filmCount: row.film_count })),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/** People by name: prefix matches, else (with pg_trgm) typo matches; everyone by name without a query. */
export async function searchPersons(
  db: Db,
  search: { query?: string; page: number; pageSize: number },
  options: { trigram: boolean },
): Promise<Page<PersonSummary>> {
  const { query } = search;
  if (query === undefined) return runPersonPage(db, search, undefined);
  const found = await runPersonPage(db, search, byPrefix(query));
  if (found.total > 0 || !options.trigram) return found;
  return db.transaction((tx) =>
    closestFirst(tx, found, () => runPersonPage(tx, search, byTypo(query))),
  );
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

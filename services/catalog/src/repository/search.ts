import type { Queryable } from '@cinesync/kit/db';
import type { FilmSearch, FilmSummary, Page } from '../model.js';

/** Collects parameters as a query is assembled; `add` returns the placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%`, `_` and `\` are literal in what a user typed. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const TITLE_ORDER = `lower(f.title) COLLATE "C", f.id`;

const ORDER: Record<Exclude<FilmSearch['sort'], 'relevance'>, string> = {
  title: TITLE_ORDER,
  year: `f.year ASC NULLS LAST, ${TITLE_ORDER}`,
  '-year': `f.year DESC NULLS LAST, ${TITLE_ORDER}`,
  rating: 'f.rating_avg DESC NULLS LAST, f.rating_count DESC, f.id',
};

interface Match {
  /** Extra FROM item defining `q.tsq`. */
  from: string;
  where: string;
  /** ORDER BY for relevance. */
  order: string;
}

/**
 * How a text query selects and ranks films.
 *
 * Candidates: the full-text document matches (title, original title, people, characters,
 * overview), or — with pg_trgm — the title or original title is trigram-similar to the query, or
 * a credited person's name contains a word-similar run ("robin wiliams"). Without pg_trgm a title
 * prefix stands in for the typo tolerance.
 *
 * Order, in tiers: (0) the title or original title equals the query, ignoring case; (1) full-text
 * matches; (2) trigram-only matches. Within a tier: ts_rank of the weighted document plus the
 * trigram similarity of the title, so "godfather" puts The Godfather (closer title) before Part II;
 * then the more rated film, then the title.
 */
function textMatch(query: string, params: Params, trigram: boolean): Match {
  const q = params.add(query);
  const exact = `(lower(f.title) = lower(${q}) OR lower(f.original_title) = lower(${q}))`;
  const fullText = 'f.search_document @@ q.tsq';
  const from = `CROSS JOIN (SELECT websearch_to_tsquery('english', ${q})
                                || websearch_to_tsquery('simple', ${q}) AS tsq) q`;
  if (!trigram) {
    const prefix = params.add(`${likeEscape(query)}%`);
    return {
      from,
      where: `(${exact} OR ${fullText} OR f.title ILIKE ${prefix})`,
      order: `CASE WHEN ${exact} THEN 0 WHEN ${fullText} THEN 1 ELSE 2 END,
              ts_rank(f.search_document, q.tsq) DESC, f.rating_count DESC, ${TITLE_ORDER}`,
    };
  }
  const fuzzyTitle = `(f.title % ${q} OR ${q} <% f.title
                       OR f.original_title % ${q} OR ${q} <% f.original_title)`;
  const fuzzyPerson = `f.id IN (SELECT fp.film_id FROM film_persons fp
                                JOIN persons pe ON pe.id = fp.person_id WHERE ${q} <% pe.name)`;
  const titleSimilarity = `greatest(similarity(f.title, ${q}),
                                    similarity(coalesce(f.original_title, ''), ${q}))`;
  return {
    from,
    where: `(${exact} OR ${fullText} OR ${fuzzyTitle} OR ${fuzzyPerson})`,
    order: `CASE WHEN ${exact} THEN 0 WHEN ${fullText} THEN 1 ELSE 2 END,
            ts_rank(f.search_document, q.tsq) + ${titleSimilarity} DESC,
            f.rating_count DESC, ${TITLE_ORDER}`,
  };
}

function filters(search: FilmSearch, params: Params): string[] {
  const where: string[] = [];
  if (search.genre !== undefined) {
    const genre = params.add(search.genre);
    where.push(`EXISTS (SELECT 1 FROM film_genres fg JOIN genres g ON g.id = fg.genre_id
                        WHERE fg.film_id = f.id AND (g.slug = lower(${genre})
                                                      OR lower(g.name) = lower(${genre})))`);
  }
  if (search.yearFrom !== undefined) where.push(`f.year >= ${params.add(search.yearFrom)}`);
  if (search.yearTo !== undefined) where.push(`f.year <= ${params.add(search.yearTo)}`);
  if (search.minRating !== undefined) where.push(`f.rating_avg >= ${params.add(search.minRating)}`);
  if (search.person !== undefined) {
    if ('id' in search.person) {
      where.push(`EXISTS (SELECT 1 FROM film_persons fp
                          WHERE fp.film_id = f.id AND fp.person_id = ${params.add(search.person.id)})`);
    } else {
      where.push(`EXISTS (SELECT 1 FROM film_persons fp JOIN persons pe ON pe.id = fp.person_id
                          WHERE fp.film_id = f.id
                            AND lower(pe.name) = lower(${params.add(search.person.name)}))`);
    }
  }
  return where;
}

interface SummaryRow {
  id: string;
  title: string;
  original_title: string | null;
  year: number | null;
  runtime: number | null;
  poster_url: string | null;
  rating_avg: string | null;
  rating_count: number;
  genres: string[];
  directors: string[];
  [column: string]: unknown;
}

export async function searchFilms(
  db: Queryable,
  search: FilmSearch,
  options: { trigram: boolean },
): Promise<Page<FilmSummary>> {
  const params = new Params();
  const match =
    search.query === undefined ? undefined : textMatch(search.query, params, options.trigram);
  const where = [...(match ? [match.where] : []), ...filters(search, params)];
  const from = `films f ${match?.from ?? ''}`;
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = search.sort === 'relevance' ? (match?.order ?? TITLE_ORDER) : ORDER[search.sort];
  const countParams = [...params.values];
  const limit = params.add(search.pageSize);
  const offset = params.add((search.page - 1) * search.pageSize);

  // Two statements rather than count(*) OVER (): the page can stop at LIMIT on an index.
  const [page, count] = await Promise.all([
    db.query<SummaryRow>(
      `SELECT f.id, f.title, f.original_title, f.year, f.runtime, f.poster_url, f.rating_avg,
              f.rating_count,
              coalesce((SELECT array_agg(g.name ORDER BY g.name) FROM film_genres fg
                        JOIN genres g ON g.id = fg.genre_id WHERE fg.film_id = f.id), '{}')
                AS genres,
              coalesce((SELECT array_agg(pe.name ORDER BY fp.ord) FROM film_persons fp
                        JOIN persons pe ON pe.id = fp.person_id
                        WHERE fp.film_id = f.id AND fp.role = 'director'), '{}') AS directors
       FROM ${from} ${whereSql}
       ORDER BY ${order}
       LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${from} ${whereSql}`,
      countParams,
    ),
  ]);
  return {
    items: page.rows.map(toSummary),
    total: count.rows[0]?.total ?? 0,
    page: search.page,
    pageSize: search.pageSize,
  };
}

function toSummary(row: SummaryRow): FilmSummary {
  return {
    source: 'local',
    id: row.id,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    runtime: row.runtime,
    posterUrl: row.poster_url,
    rating: {
      average: row.rating_avg === null ? null : Number(row.rating_avg),
      count: row.rating_count,
    },
    genres: row.genres,
    directors: row.directors,
  };
}

import type { Db, Queryable } from '@cinesync/kit/db';
import type { FilmSearch, FilmSearchPage, FilmSummary, Page } from '../model.js';
import { maxEdits, oneEditAway, queryWords, suggestions, wordsToCorrect } from '../spelling.js';
import { dictionaryWords, lookupWords } from './words.js';

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

/** One way of selecting and ranking films: extra FROM items, a condition, a relevance order. */
interface Match {
  from: string;
  where: string;
  relevance: string;
}

/** Title or original title equal to the query, ignoring case and accents. */
function exactTitle(q: string): string {
  return `(f.search_title = catalog_fold(${q}) OR f.search_original_title = catalog_fold(${q}))`;
}

/**
 * Phase 1: the full-text document matches (title and original title A, people B, characters and
 * overview C). Ranked: exact title first, then the query as a phrase, then ts_rank plus the
 * trigram similarity of the title, so "godfather" puts The Godfather (the closer title) before
 * Part II. Without pg_trgm a title prefix is a candidate too, and the similarity term is left out.
 */
function fullText(query: string, params: Params, trigram: boolean): Match {
  const q = params.add(query);
  // Stemmed words for the english parts of the document, folded words for the simple parts.
  const from = `CROSS JOIN (SELECT websearch_to_tsquery('english', ${q})
                                || websearch_to_tsquery('simple', catalog_fold(${q})) AS tsq,
                                phraseto_tsquery('simple', catalog_fold(${q})) AS phrase) q`;
  // The words in the order typed, side by side ("Benedict I. Dahl" as one name), before the rest.
  const first = `${exactTitle(q)} DESC, f.search_document @@ q.phrase DESC`;
  const rank = 'ts_rank(f.search_document, q.tsq)';
  if (!trigram) {
    const prefix = params.add(`${likeEscape(query)}%`);
    return {
      from,
      where: `(f.search_document @@ q.tsq OR ${exactTitle(q)}
               OR f.search_title LIKE catalog_fold(${prefix}))`,
      relevance: `${first}, ${rank} DESC`,
    };
  }
  const folded = `catalog_fold(${q})`;
  const similarity = `greatest(similarity(f.search_title, ${folded}),
                               similarity(coalesce(f.search_original_title, ''), ${folded}))`;
  return {
    from,
    where: 'f.search_document @@ q.tsq',
    relevance: `${first}, ${rank} + ${similarity} DESC`,
  };
}

/**
 * Phase 2, only when phase 1 found nothing (pg_trgm): typo tolerance. A film is a candidate when
 * its title or original title contains a run of words similar to the query ("godfater" → The
 * Godfather), or a credited person's name does ("sigourny weaver"); word similarity ≥ 0.6, else
 * ≥ 0.5 (see closestFirst). Ranked by how close the title is, so person-only matches come last.
 */
function fuzzy(query: string, params: Params): Match {
  const q = `catalog_fold(${params.add(query)})`;
  const closeness = (column: string) => {
    const folded = `coalesce(${column}, '')`;
    return `word_similarity(${q}, ${folded}) + similarity(${folded}, ${q})`;
  };
  return {
    from: '',
    where: `f.id IN (
      SELECT id FROM films WHERE ${q} <% search_title OR ${q} <% search_original_title
      UNION
      SELECT fp.film_id FROM film_persons fp JOIN persons pe ON pe.id = fp.person_id
      WHERE ${q} <% pe.search_name)`,
    relevance: `greatest(${closeness('f.search_title')}, ${closeness('f.search_original_title')})
                DESC`,
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
  total: number | null;
  [column: string]: unknown;
}

/** Runs one page and its total for a match (or none: browsing). */
async function runPage(
  db: Queryable,
  search: FilmSearch,
  makeMatch?: (params: Params) => Match,
): Promise<Page<FilmSummary>> {
  const params = new Params();
  const match = makeMatch?.(params);
  const where = [...(match ? [match.where] : []), ...filters(search, params)];
  const from = `films f ${match?.from ?? ''}`;
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order =
    search.sort === 'relevance'
      ? `${match?.relevance ?? ''}${match ? ', f.rating_count DESC, ' : ''}${TITLE_ORDER}`
      : ORDER[search.sort];
  const countParams = [...params.values];
  const limit = params.add(search.pageSize);
  const offset = params.add((search.page - 1) * search.pageSize);

  // With a text query every candidate is ranked anyway, so the window count is free. Browsing
  // counts apart instead: there the page can stop at LIMIT on an index.
  const page = await db.query<SummaryRow>(
    `SELECT f.id, f.title, f.original_title, f.year, f.runtime, f.poster_url, f.rating_avg,
            f.rating_count, ${match ? 'count(*) OVER ()::int' : 'NULL::int'} AS total,
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
  );
  const counted = page.rows[0]?.total;
  // A short first page is the whole result; past the last page there is no row to carry a count.
  const total =
    counted ??
    (search.page === 1 && page.rows.length < search.pageSize
      ? page.rows.length
      : ((
          await db.query<{ total: number }>(
            `SELECT count(*)::int AS total FROM ${from} ${whereSql}`,
            countParams,
          )
        ).rows[0]?.total ?? 0));
  return {
    items: page.rows.map(toSummary),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}

/**
 * Text search in up to three phases. First the words as typed (fullText). When they match
 * nothing, the same search with misspelled words corrected from the catalog's dictionary
 * (spelling.ts: "godfater" → "godfather"), trying the likeliest corrections in turn; and when no
 * correction matches either, typo-tolerant matching of whole titles and names (fuzzy, pg_trgm
 * only). A query that does match is not diluted by near misses, and the costlier phases run only
 * when needed.
 */
export async function searchFilms(
  db: Db,
  search: FilmSearch,
  options: { trigram: boolean },
): Promise<FilmSearchPage<FilmSummary>> {
  const { query } = search;
  if (query === undefined) return runPage(db, search);
  const ranked = (text: string) =>
    runPage(db, search, (params) => fullText(text, params, options.trigram));
  const exact = await ranked(query);
  if (exact.total > 0) return exact;
  for (const corrected of await spellingSuggestions(db, query, options)) {
    const found = await ranked(corrected);
    if (found.total > 0) return { ...found, correctedQuery: corrected };
  }
  if (!options.trigram) return exact;
  return db.transaction((tx) =>
    closestFirst(tx, exact, () => runPage(tx, search, (params) => fuzzy(query, params))),
  );
}

/** Corrected forms of a query, likeliest first (see spelling.ts); empty when no word is unknown. */
async function spellingSuggestions(
  db: Queryable,
  query: string,
  options: { trigram: boolean },
): Promise<string[]> {
  const typed = queryWords(query);
  if (typed.length === 0) return [];
  const words = await lookupWords(db, typed);
  const unknown = wordsToCorrect(words);
  if (unknown.length === 0) return [];
  const dictionary = await dictionaryWords(
    db,
    unknown.flatMap(oneEditAway),
    unknown.filter((word) => maxEdits(word) > 1),
    options,
  );
  return suggestions(words, dictionary);
}

/**
 * Word similarity thresholds the typo phase tries in turn: pg_trgm's default first, then one that
 * lets one wrong letter per short word through ("taxi drvier", "dune prat two"). Trying the
 * strict one first keeps a typo in a long, common title ("Return to Asfhord") from matching every
 * title that merely shares its other words.
 */
const THRESHOLDS = ['0.6', '0.5'];

/**
 * Runs `run` inside the typo phase's transaction at each threshold until something matches.
 * Scans go through the trigram indexes: the planner cannot see how costly trigram rechecks are
 * and would otherwise scan whole tables.
 */
export async function closestFirst<T extends { total: number }>(
  tx: Queryable,
  none: T,
  run: () => Promise<T>,
): Promise<T> {
  await tx.query('SET LOCAL enable_seqscan = off');
  for (const threshold of THRESHOLDS) {
    await tx.query("SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)", [threshold]);
    const found = await run();
    if (found.total > 0) return found;
  }
  return none;
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

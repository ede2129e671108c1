import type { Queryable } from '@cinesync/kit/db';
import type { WordLookup } from '../spelling.js';

/** The typed words folded as the dictionary holds them, and whether it holds each. */
export async function lookupWords(db: Queryable, words: readonly string[]): Promise<WordLookup[]> {
  const { rows } = await db.query<{ word: string; known: boolean }>(
    `SELECT t.word, EXISTS (SELECT 1 FROM search_words w WHERE w.word = t.word) AS known
     FROM (SELECT catalog_fold(typed) AS word, ord
           FROM unnest($1::text[]) WITH ORDINALITY AS x(typed, ord)) t
     ORDER BY t.ord`,
    [words],
  );
  return rows;
}

/**
 * Dictionary words among `exact`, plus (with pg_trgm) the few nearest by letter triples to each
 * of `near`: the candidates spelling correction chooses from.
 */
export async function dictionaryWords(
  db: Queryable,
  exact: readonly string[],
  near: readonly string[],
  options: { trigram: boolean },
): Promise<string[]> {
  const nearest =
    options.trigram && near.length > 0
      ? `UNION
         SELECT n.word FROM unnest($2::text[]) AS q(typed)
         CROSS JOIN LATERAL (SELECT word FROM search_words ORDER BY word <-> q.typed LIMIT 5) n`
      : '';
  const { rows } = await db.query<{ word: string }>(
    `SELECT word FROM search_words WHERE word = ANY($1::text[]) ${nearest}`,
    nearest === '' ? [exact] : [exact, near],
  );
  return rows.map((row) => row.word);
}

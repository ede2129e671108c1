import { randomUUID } from 'node:crypto';
import type { Tx } from '@cinesync/kit/db';
import type { CastMember, Role } from '../model.js';
import { slugify } from '../normalize.js';

/**
 * Genres and people are created on first mention and found by slug / case-insensitive name
 * afterwards. Inputs are sorted so concurrent writers take unique-index locks in one order and
 * cannot deadlock each other.
 */
export async function ensureGenres(tx: Tx, names: readonly string[]): Promise<Map<string, number>> {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug !== '' && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  if (bySlug.size === 0) return new Map();
  const slugs = [...bySlug.keys()].sort();
  await tx.query(
    `INSERT INTO genres (name, slug) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [slugs.map((slug) => bySlug.get(slug)), slugs],
  );
  const { rows } = await tx.query<{ id: number; slug: string }>(
    'SELECT id, slug FROM genres WHERE slug = ANY($1::text[])',
    [slugs],
  );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** Person ids by lower-cased name. */
export async function ensurePersons(
  tx: Tx,
  names: readonly string[],
): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!byKey.has(key)) byKey.set(key, name);
  }
  if (byKey.size === 0) return new Map();
  const keys = [...byKey.keys()].sort();
  await tx.query(
    `INSERT INTO persons (id, name) SELECT * FROM unnest($1::uuid[], $2::text[])
     ON CONFLICT DO NOTHING`,
    [keys.map(() => randomUUID()), keys.map((key) => byKey.get(key))],
  );
  const { rows } = await tx.query<{ id: string; key: string }>(
    'SELECT id, lower(name) AS key FROM persons WHERE lower(name) = ANY($1::text[])',
    [keys],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

export interface FilmPeople {
  directors?: readonly string[];
  writers?: readonly string[];
  cast?: readonly CastMember[];
}

interface CreditRow {
  film_id: string;
  person_id: string;
  role: Role;
  character: string | null;
  ord: number;
}

/** The credit rows of one film for the roles present in `people`. */
export function creditRows(
  filmId: string,
  people: FilmPeople,
  personIds: ReadonlyMap<string, string>,
): CreditRow[] {
  const rows: CreditRow[] = [];
  const add = (role: Role, name: string, character: string | null, ord: number) => {
    const personId = personIds.get(name.toLowerCase());
    if (personId === undefined) throw new Error(`person ${name} was not resolved`);
    rows.push({ film_id: filmId, person_id: personId, role, character, ord });
  };
  for (const [ord, name] of (people.directors ?? []).entries()) add('director', name, null, ord);
  for (const [ord, name] of (people.writers ?? []).entries()) add('writer', name, null, ord);
  for (const [ord, member] of (people.cast ?? []).entries()) {
    add('actor', member.name, member.character ?? null, ord);
  }
  return rows;
}

export function peopleNames(people: FilmPeople): string[] {
  return [
    ...(people.directors ?? []),
    ...(people.writers ?? []),
    ...(people.cast ?? []).map((member) => member.name),
  ];
}

export async function insertCredits(tx: Tx, rows: readonly CreditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO film_persons (film_id, person_id, role, "character", ord)
     SELECT film_id, person_id, role, "character", ord
     FROM jsonb_to_recordset($1::jsonb)
       AS x(film_id uuid, person_id uuid, role text, "character" text, ord int)`,
    [JSON.stringify(rows)],
  );
}

export async function insertFilmGenres(
  tx: Tx,
  rows: readonly { film_id: string; genre_id: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO film_genres (film_id, genre_id)
     SELECT film_id, genre_id FROM jsonb_to_recordset($1::jsonb) AS x(film_id uuid, genre_id int)`,
    [JSON.stringify(rows)],
  );
}

/** People left without any credit (after an edit or delete) leave the catalog with their last film. */
export async function deleteOrphanPersons(tx: Tx, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.query(
    `DELETE FROM persons p WHERE p.id = ANY($1::uuid[])
     AND NOT EXISTS (SELECT 1 FROM film_persons fp WHERE fp.person_id = p.id)`,
    [personIds],
  );
}

/**
 * Rebuilds the full-text document of the given films from their current rows. Every write to a
 * film, its credits or a credited person's name calls this in the same transaction.
 */
export async function refreshSearchDocuments(tx: Tx, filmIds: readonly string[]): Promise<void> {
  if (filmIds.length === 0) return;
  await tx.query(
    `UPDATE films f SET search_document =
         setweight(to_tsvector('english', f.title), 'A')
      || setweight(to_tsvector('simple',
                     catalog_fold(f.title || ' ' || coalesce(f.original_title, ''))), 'A')
      || setweight(to_tsvector('simple', catalog_fold(coalesce(d.names, ''))), 'B')
      || setweight(to_tsvector('english', coalesce(d.characters, '') || ' ' || f.overview), 'C')
     FROM (
       SELECT x.id, c.names, c.characters
       FROM unnest($1::uuid[]) AS x(id)
       LEFT JOIN (
         SELECT fp.film_id, string_agg(pe.name, ' ') AS names,
                string_agg(fp."character", ' ') AS characters
         FROM film_persons fp JOIN persons pe ON pe.id = fp.person_id
         WHERE fp.film_id = ANY($1::uuid[])
         GROUP BY fp.film_id
       ) c ON c.film_id = x.id
     ) d
     WHERE f.id = d.id`,
    [filmIds],
  );
  await addSearchWords(tx, filmIds);
}

/**
 * Adds the words of the films' titles and their people's names to the spelling dictionary
 * (migration 0003). Sorted, so concurrent writers insert shared new words in one order.
 */
async function addSearchWords(tx: Tx, filmIds: readonly string[]): Promise<void> {
  await tx.query(
    `INSERT INTO search_words (word)
     SELECT word FROM (
       SELECT catalog_fold(f.title || ' ' || coalesce(f.original_title, '')) AS text
       FROM films f WHERE f.id = ANY($1::uuid[])
       UNION ALL
       SELECT pe.search_name FROM film_persons fp JOIN persons pe ON pe.id = fp.person_id
       WHERE fp.film_id = ANY($1::uuid[])
     ) t, unnest(tsvector_to_array(to_tsvector('simple', t.text))) AS word
     GROUP BY word ORDER BY word
     ON CONFLICT DO NOTHING`,
    [filmIds],
  );
}

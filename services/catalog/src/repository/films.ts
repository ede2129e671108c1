import type { Queryable, Tx } from '@cinesync/kit/db';
import type { FilmDetail, FilmPatch, FilmRef, Genre, PersonRef, Role } from '../model.js';
import { type NormalizedFilm, slugify } from '../normalize.js';
import {
  creditRows,
  deleteOrphanPersons,
  ensureGenres,
  ensurePersons,
  type FilmPeople,
  insertCredits,
  insertFilmGenres,
  peopleNames,
  refreshSearchDocuments,
} from './links.js';

export interface NewFilm extends NormalizedFilm {
  id: string;
}

/**
 * Inserts films with their genres and people in a few statements whatever the batch size.
 * `skipExisting` ignores films whose id or external id is already taken (bulk loads that may be
 * re-run); otherwise such a film fails the transaction with a unique violation. Returns the ids
 * actually inserted.
 */
export async function insertFilms(
  tx: Tx,
  films: readonly NewFilm[],
  options: { skipExisting: boolean },
): Promise<string[]> {
  if (films.length === 0) return [];
  const rows = films.map((film) => ({
    id: film.id,
    title: film.title,
    original_title: film.originalTitle,
    year: film.year,
    runtime: film.runtime,
    overview: film.overview,
    countries: film.countries,
    age_rating: film.ageRating,
    poster_url: film.posterUrl,
    imdb_id: film.imdbId,
    tmdb_id: film.tmdbId,
  }));
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO films (id, title, original_title, year, runtime, overview, countries, age_rating,
                        poster_url, imdb_id, tmdb_id)
     SELECT id, title, original_title, year, runtime, overview, countries, age_rating, poster_url,
            imdb_id, tmdb_id
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, title text, original_title text, year int,
          runtime int, overview text, countries text[], age_rating text, poster_url text,
          imdb_id text, tmdb_id int)
     ${options.skipExisting ? 'ON CONFLICT DO NOTHING' : ''}
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  const insertedIds = new Set(inserted.map((row) => row.id));
  const added = films.filter((film) => insertedIds.has(film.id));
  if (added.length === 0) return [];

  const genreIds = await ensureGenres(
    tx,
    added.flatMap((film) => film.genres),
  );
  const personIds = await ensurePersons(tx, added.flatMap(peopleNames));
  await insertFilmGenres(
    tx,
    added.flatMap((film) => genreLinks(film.id, film.genres, genreIds)),
  );
  await insertCredits(
    tx,
    added.flatMap((film) => creditRows(film.id, film, personIds)),
  );
  await refreshSearchDocuments(tx, [...insertedIds]);
  return [...insertedIds];
}

function genreLinks(filmId: string, names: readonly string[], ids: ReadonlyMap<string, number>) {
  return names.flatMap((name) => {
    const genreId = ids.get(slugify(name));
    return genreId === undefined ? [] : [{ film_id: filmId, genre_id: genreId }];
  });
}

const COLUMNS = {
  title: 'title',
  originalTitle: 'original_title',
  year: 'year',
  runtime: 'runtime',
  overview: 'overview',
  countries: 'countries',
  ageRating: 'age_rating',
  posterUrl: 'poster_url',
  imdbId: 'imdb_id',
  tmdbId: 'tmdb_id',
} as const satisfies Partial<Record<keyof FilmPatch, string>>;

/** Applies a patch; false when the film does not exist. Lists replace the film's whole list. */
export async function updateFilm(tx: Tx, id: string, patch: FilmPatch): Promise<boolean> {
  const found = await tx.query('SELECT 1 FROM films WHERE id = $1 FOR UPDATE', [id]);
  if (found.rowCount === 0) return false;

  const params: unknown[] = [id];
  const sets = ['updated_at = now()'];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = patch[key as keyof typeof COLUMNS];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  await tx.query(`UPDATE films SET ${sets.join(', ')} WHERE id = $1`, params);

  if (patch.genres !== undefined) {
    await tx.query('DELETE FROM film_genres WHERE film_id = $1', [id]);
    const genreIds = await ensureGenres(tx, patch.genres);
    await insertFilmGenres(tx, genreLinks(id, patch.genres, genreIds));
  }
  const people: FilmPeople = {
    directors: patch.directors,
    writers: patch.writers,
    cast: patch.cast,
  };
  const roles: Role[] = [];
  if (patch.directors !== undefined) roles.push('director');
  if (patch.writers !== undefined) roles.push('writer');
  if (patch.cast !== undefined) roles.push('actor');
  if (roles.length > 0) {
    const { rows: removed } = await tx.query<{ person_id: string }>(
      'DELETE FROM film_persons WHERE film_id = $1 AND role = ANY($2::text[]) RETURNING person_id',
      [id, roles],
    );
    const personIds = await ensurePersons(tx, peopleNames(people));
    await insertCredits(tx, creditRows(id, people, personIds));
    await deleteOrphanPersons(
      tx,
      removed.map((row) => row.person_id),
    );
  }
  await refreshSearchDocuments(tx, [id]);
  return true;
}

export async function deleteFilm(tx: Tx, id: string): Promise<boolean> {
  const { rows: credits } = await tx.query<{ person_id: string }>(
    'SELECT person_id FROM film_persons WHERE film_id = $1',
    [id],
  );
  const deleted = await tx.query('DELETE FROM films WHERE id = $1', [id]);
  await deleteOrphanPersons(
    tx,
    credits.map((row) => row.person_id),
  );
  return deleted.rowCount > 0;
}

interface FilmRow {
  id: string;
  title: string;
  original_title: string | null;
  year: number | null;
  runtime: number | null;
  overview: string;
  countries: string[];
  age_rating: string | null;
  poster_url: string | null;
  imdb_id: string | null;
  tmdb_id: number | null;
  rating_avg: string | null;
  rating_count: number;
  created_at: Date;
  updated_at: Date;
  genres: Genre[];
  people: (PersonRef & { role: Role; character: string | null })[];
  [column: string]: unknown;
}

export async function getFilm(db: Queryable, id: string): Promise<FilmDetail | undefined> {
  const { rows } = await db.query<FilmRow>(
    `SELECT f.id, f.title, f.original_title, f.year, f.runtime, f.overview, f.countries,
            f.age_rating, f.poster_url, f.imdb_id, f.tmdb_id, f.rating_avg, f.rating_count,
            f.created_at, f.updated_at,
            coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'slug', g.slug)
                                      ORDER BY g.name)
                      FROM film_genres fg JOIN genres g ON g.id = fg.genre_id
                      WHERE fg.film_id = f.id), '[]') AS genres,
            coalesce((SELECT json_agg(json_build_object('id', pe.id, 'name', pe.name,
                                      'role', fp.role, 'character', fp."character")
                                      ORDER BY fp.ord, pe.name)
                      FROM film_persons fp JOIN persons pe ON pe.id = fp.person_id
                      WHERE fp.film_id = f.id), '[]') AS people
     FROM films f WHERE f.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const byRole = (role: Role) => row.people.filter((person) => person.role === role);
  return {
    id: row.id,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    runtime: row.runtime,
    overview: row.overview,
    countries: row.countries,
    ageRating: row.age_rating,
    posterUrl: row.poster_url,
    imdbId: row.imdb_id,
    tmdbId: row.tmdb_id,
    rating: {
      average: row.rating_avg === null ? null : Number(row.rating_avg),
      count: row.rating_count,
    },
    genres: row.genres,
    directors: byRole('director').map(({ id: personId, name }) => ({ id: personId, name })),
    writers: byRole('writer').map(({ id: personId, name }) => ({ id: personId, name })),
    cast: byRole('actor').map(({ id: personId, name, character }) => ({
      id: personId,
      name,
      character,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface FilmSnapshot {
  title: string;
  originalTitle: string | null;
  year: number | null;
  genres: string[];
}

/** What the catalog's events carry about a film. */
export async function filmSnapshot(tx: Queryable, id: string): Promise<FilmSnapshot | undefined> {
  const { rows } = await tx.query<{
    title: string;
    original_title: string | null;
    year: number | null;
    genres: string[];
  }>(
    `SELECT f.title, f.original_title, f.year,
            coalesce((SELECT array_agg(g.slug ORDER BY g.slug) FROM film_genres fg
                      JOIN genres g ON g.id = fg.genre_id WHERE fg.film_id = f.id), '{}') AS genres
     FROM films f WHERE f.id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? { title: row.title, originalTitle: row.original_title, year: row.year, genres: row.genres }
    : undefined;
}

export async function findFilmIdByTmdbId(
  db: Queryable,
  tmdbId: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM films WHERE tmdb_id = $1', [
    tmdbId,
  ]);
  return rows[0]?.id;
}

export async function lookupFilms(db: Queryable, ids: readonly string[]): Promise<FilmRef[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; title: string; year: number | null }>(
    'SELECT id, title, year FROM films WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return rows.map((row) => ({ id: row.id, title: row.title, year: row.year }));
}

export async function countFilms(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM films');
  return rows[0]?.n ?? 0;
}

/** The denormalised copy of engagement's rating; false when the film is not (or no longer) here. */
export async function setRating(
  tx: Tx,
  filmId: string,
  average: number | null,
  count: number,
): Promise<boolean> {
  const result = await tx.query(
    'UPDATE films SET rating_avg = $2, rating_count = $3 WHERE id = $1',
    [filmId, average, count],
  );
  return result.rowCount > 0;
}

import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

/** What consumers usually need of a film without calling the catalog: enough to show and group it. */
const filmFields = {
  filmId: Uuid,
  title: Type.String(),
  originalTitle: Type.Union([Type.String(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  /** Genre slugs, e.g. `science-fiction`. */
  genres: Type.Array(Type.String()),
  occurredAt: Instant,
};

/** A film was added (admin create or TMDB import; bulk demo/seed loads emit nothing). Key: the film id. */
export const FilmCreatedV1 = Type.Object(
  { version: Type.Literal(1), ...filmFields },
  { title: 'catalog.film.created v1' },
);
export type FilmCreatedV1 = Static<typeof FilmCreatedV1>;
export const filmCreated = defineEvent('catalog.film.created', 1, FilmCreatedV1);

/** A film was edited; the payload is its state after the edit. Key: the film id. */
export const FilmUpdatedV1 = Type.Object(
  { version: Type.Literal(1), ...filmFields },
  { title: 'catalog.film.updated v1' },
);
export type FilmUpdatedV1 = Static<typeof FilmUpdatedV1>;
export const filmUpdated = defineEvent('catalog.film.updated', 1, FilmUpdatedV1);

/** A film was removed from the catalog. Key: the film id. */
export const FilmDeletedV1 = Type.Object(
  { version: Type.Literal(1), filmId: Uuid, occurredAt: Instant },
  { title: 'catalog.film.deleted v1' },
);
export type FilmDeletedV1 = Static<typeof FilmDeletedV1>;
export const filmDeleted = defineEvent('catalog.film.deleted', 1, FilmDeletedV1);

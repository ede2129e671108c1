import { type TSchema, Type } from 'typebox';
import { FILM_SORTS } from '../model.js';

/** Request and response schemas: Fastify validates and serialises with them, OpenAPI shows them. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });

const Year = Type.Integer({ minimum: 1870, maximum: 2100 });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const RatingSchema = Type.Object({
  average: Nullable(Type.Number({ description: 'Average user rating, 1-10; null until rated' })),
  count: Type.Integer(),
});

export const GenreSchema = Type.Object(
  { id: Type.Integer(), name: Type.String(), slug: Type.String() },
  { title: 'Genre' },
);

const PersonRefSchema = Type.Object({ id: Uuid, name: Type.String() });

export const FilmDetailSchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    originalTitle: Nullable(Type.String()),
    year: Nullable(Type.Integer()),
    runtime: Nullable(Type.Integer({ description: 'Minutes' })),
    overview: Type.String(),
    countries: Type.Array(Type.String({ description: 'ISO 3166-1 alpha-2 code' })),
    ageRating: Nullable(Type.String()),
    posterUrl: Nullable(Type.String()),
    imdbId: Nullable(Type.String()),
    tmdbId: Nullable(Type.Integer()),
    rating: RatingSchema,
    genres: Type.Array(GenreSchema),
    directors: Type.Array(PersonRefSchema),
    writers: Type.Array(PersonRefSchema),
    cast: Type.Array(
      Type.Object({ id: Uuid, name: Type.String(), character: Nullable(Type.String()) }),
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Film' },
);

export const FilmSummarySchema = Type.Object(
  {
    source: Type.Literal('local'),
    id: Uuid,
    title: Type.String(),
    originalTitle: Nullable(Type.String()),
    year: Nullable(Type.Integer()),
    runtime: Nullable(Type.Integer()),
    posterUrl: Nullable(Type.String()),
    rating: RatingSchema,
    genres: Type.Array(Type.String()),
    directors: Type.Array(Type.String()),
  },
  { title: 'FilmSummary' },
);

export const UpstreamFilmSummarySchema = Type.Object(
  {
    source: Type.Literal('tmdb'),
    tmdbId: Type.Integer(),
    title: Type.String(),
    originalTitle: Nullable(Type.String()),
    year: Nullable(Type.Integer()),
    overview: Type.String(),
    posterUrl: Nullable(Type.String()),
  },
  {
    title: 'UpstreamFilmSummary',
    description: 'Found on TMDB, not in the catalog: no local id; an admin can import it by tmdbId',
  },
);

export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Matches over all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const FilmSearchPageSchema = Type.Object({
  ...pageOf(Type.Union([FilmSummarySchema, UpstreamFilmSummarySchema])).properties,
  correctedQuery: Type.Optional(
    Type.String({
      description:
        'Present when the words as typed matched nothing: the spelling-corrected query the ' +
        'results are for ("godfater" → "godfather")',
    }),
  ),
});

const pagination = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const FilmQuerySchema = Type.Object({
  query: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Words of the title, original title, people, characters or overview; typos ok',
    }),
  ),
  genre: Type.Optional(Type.String({ maxLength: 100, description: 'Genre name or slug' })),
  yearFrom: Type.Optional(Year),
  yearTo: Type.Optional(Year),
  minRating: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  person: Type.Optional(
    Type.String({ maxLength: 200, description: 'Person id, or exact name (any case)' }),
  ),
  sort: Type.Optional(
    Type.Union(
      FILM_SORTS.map((sort) => Type.Literal(sort)),
      {
        description:
          'relevance (default with a query), title (default without), year, -year (newest first), rating (highest first)',
      },
    ),
  ),
  ...pagination,
});

export const PersonQuerySchema = Type.Object({
  query: Type.Optional(
    Type.String({ maxLength: 200, description: 'Name, its start or a typo of it' }),
  ),
  ...pagination,
});

const CastMemberSchema = Type.Object({
  name: Name,
  character: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});

const filmFields = {
  title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
  originalTitle: Nullable(Type.String({ maxLength: 300 })),
  year: Nullable(Year),
  runtime: Nullable(Type.Integer({ minimum: 1, maximum: 1000, description: 'Minutes' })),
  overview: Type.String({ maxLength: 5000 }),
  genres: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }),
  countries: Type.Array(Type.String({ pattern: '^[A-Za-z]{2}$' }), { maxItems: 50 }),
  ageRating: Nullable(Type.String({ maxLength: 20 })),
  posterUrl: Nullable(Type.String({ format: 'uri', maxLength: 1000 })),
  imdbId: Nullable(Type.String({ pattern: '^tt\\d{5,10}$' })),
  tmdbId: Nullable(Type.Integer({ minimum: 1 })),
  directors: Type.Array(Name, { maxItems: 20 }),
  writers: Type.Array(Name, { maxItems: 50 }),
  cast: Type.Array(CastMemberSchema, { maxItems: 200 }),
};

/** Create: a title is required, everything else optional. */
export const FilmCreateSchema = Type.Object(
  {
    title: filmFields.title,
    originalTitle: Type.Optional(filmFields.originalTitle),
    year: Type.Optional(filmFields.year),
    runtime: Type.Optional(filmFields.runtime),
    overview: Type.Optional(filmFields.overview),
    genres: Type.Optional(filmFields.genres),
    countries: Type.Optional(filmFields.countries),
    ageRating: Type.Optional(filmFields.ageRating),
    posterUrl: Type.Optional(filmFields.posterUrl),
    imdbId: Type.Optional(filmFields.imdbId),
    tmdbId: Type.Optional(filmFields.tmdbId),
    directors: Type.Optional(filmFields.directors),
    writers: Type.Optional(filmFields.writers),
    cast: Type.Optional(filmFields.cast),
  },
  { title: 'FilmCreate', additionalProperties: false },
);

/** Patch: any subset; null clears an optional value, a list replaces the film's whole list. */
export const FilmPatchSchema = Type.Partial(FilmCreateSchema, {
  title: 'FilmPatch',
  additionalProperties: false,
  minProperties: 1,
});

export const ImportSchema = Type.Object(
  { tmdbId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const PersonSummarySchema = Type.Object(
  { id: Uuid, name: Type.String(), filmCount: Type.Integer() },
  { title: 'PersonSummary' },
);

export const PersonDetailSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    filmography: Type.Array(
      Type.Object({
        filmId: Uuid,
        title: Type.String(),
        year: Nullable(Type.Integer()),
        role: Type.Union([Type.Literal('actor'), Type.Literal('director'), Type.Literal('writer')]),
        character: Nullable(Type.String()),
      }),
    ),
  },
  { title: 'Person' },
);

export const FilmRefSchema = Type.Object(
  { id: Uuid, title: Type.String(), year: Nullable(Type.Integer()) },
  { title: 'FilmRef' },
);

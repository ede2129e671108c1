import { type Static, type TSchema, Type } from 'typebox';

/**
 * The parts of TMDB v3 answers the catalog reads. Other fields are allowed and ignored; a body
 * without these is an upstream fault, not a crash of ours.
 */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TmdbCastSchema = Type.Object({
  name: Type.String(),
  character: Type.Optional(Nullable(Type.String())),
  order: Type.Optional(Type.Number()),
});

export const TmdbCrewSchema = Type.Object({
  name: Type.String(),
  job: Type.Optional(Nullable(Type.String())),
  department: Type.Optional(Nullable(Type.String())),
});

export const TmdbMovieSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  original_title: Type.Optional(Nullable(Type.String())),
  release_date: Type.Optional(Nullable(Type.String())),
  runtime: Type.Optional(Nullable(Type.Number())),
  overview: Type.Optional(Nullable(Type.String())),
  poster_path: Type.Optional(Nullable(Type.String())),
  imdb_id: Type.Optional(Nullable(Type.String())),
  genres: Type.Optional(Type.Array(Type.Object({ name: Type.String() }))),
  production_countries: Type.Optional(Type.Array(Type.Object({ iso_3166_1: Type.String() }))),
  credits: Type.Optional(
    Type.Object({
      cast: Type.Optional(Type.Array(TmdbCastSchema)),
      crew: Type.Optional(Type.Array(TmdbCrewSchema)),
    }),
  ),
});
export type TmdbMovie = Static<typeof TmdbMovieSchema>;

export const TmdbSearchHitSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  original_title: Type.Optional(Nullable(Type.String())),
  release_date: Type.Optional(Nullable(Type.String())),
  overview: Type.Optional(Nullable(Type.String())),
  poster_path: Type.Optional(Nullable(Type.String())),
});
export type TmdbSearchHit = Static<typeof TmdbSearchHitSchema>;

export const TmdbSearchSchema = Type.Object({
  page: Type.Integer(),
  results: Type.Array(TmdbSearchHitSchema),
  total_results: Type.Integer(),
  total_pages: Type.Integer(),
});
export type TmdbSearch = Static<typeof TmdbSearchSchema>;

import { type Static, Type } from 'typebox';
import { JsonApi, type JsonApiOptions } from './json-api.js';

const Nullable = <T extends ReturnType<typeof Type.Integer | typeof Type.Number>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What the assistant reads of the catalog's answers; other fields are ignored. */
const FilmSummarySchema = Type.Object({
  // TMDB results (source: 'tmdb') have no local id; they are left out.
  id: Type.Optional(Type.String()),
  title: Type.String(),
  year: Type.Optional(Nullable(Type.Integer())),
  genres: Type.Optional(Type.Array(Type.String())),
  directors: Type.Optional(Type.Array(Type.String())),
  rating: Type.Optional(Type.Object({ average: Nullable(Type.Number()), count: Type.Integer() })),
});
const FilmPageSchema = Type.Object({
  items: Type.Array(FilmSummarySchema),
  total: Type.Integer(),
});
const PersonRef = Type.Object({ name: Type.String() });
const FilmDetailSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  year: Nullable(Type.Integer()),
  overview: Type.String(),
  genres: Type.Array(Type.Object({ name: Type.String() })),
  directors: Type.Array(PersonRef),
  cast: Type.Array(PersonRef),
  rating: Type.Object({ average: Nullable(Type.Number()), count: Type.Integer() }),
});
const GenresSchema = Type.Object({ items: Type.Array(Type.Object({ name: Type.String() })) });
const PersonsSchema = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), filmCount: Type.Integer() }),
  ),
});
const LookupSchema = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), year: Nullable(Type.Integer()) }),
  ),
});

export interface FilmSummary {
  id: string;
  title: string;
  year: number | null;
  genres: string[];
  directors: string[];
  /** Average user rating 1–10, null until rated. */
  rating: number | null;
}

export interface FilmDetail {
  id: string;
  title: string;
  year: number | null;
  overview: string;
  genres: string[];
  directors: string[];
  cast: string[];
  rating: number | null;
}

export interface FilmRef {
  id: string;
  title: string;
  year: number | null;
}

export interface FilmSearch {
  query?: string;
  genre?: string;
  yearFrom?: number;
  yearTo?: number;
  /** A person's id, or their exact name (any case). */
  person?: string;
  sort?: 'relevance' | 'title' | 'year' | '-year' | 'rating';
  pageSize?: number;
}

export interface Person {
  id: string;
  name: string;
  filmCount: number;
}

const GENRES_TTL_MS = 10 * 60_000;

function toSummary(film: Static<typeof FilmSummarySchema>): FilmSummary | null {
  if (film.id === undefined) return null;
  return {
    id: film.id,
    title: film.title,
    year: film.year ?? null,
    genres: film.genres ?? [],
    directors: film.directors ?? [],
    rating: film.rating?.average ?? null,
  };
}

/** The catalog's public read API (and its internal batch lookup), as the assistant uses it. */
export class CatalogApi {
  private readonly api: JsonApi;
  private genreCache: { names: string[]; until: number } | undefined;

  constructor(options: Omit<JsonApiOptions, 'name'>) {
    this.api = new JsonApi({ ...options, name: 'catalog' });
  }

  async searchFilms(search: FilmSearch): Promise<{ films: FilmSummary[]; total: number }> {
    const page = await this.api.get('api/v1/films', FilmPageSchema, {
      query: { ...search, pageSize: search.pageSize ?? 20 },
    });
    const films = (page?.items ?? []).map(toSummary).filter((film) => film !== null);
    return { films, total: page?.total ?? 0 };
  }

  async film(id: string): Promise<FilmDetail | null> {
    const film = await this.api.get(`api/v1/films/${encodeURIComponent(id)}`, FilmDetailSchema);
    if (!film) return null;
    return {
      id: film.id,
      title: film.title,
      year: film.year,
      overview: film.overview,
      genres: film.genres.map((genre) => genre.name),
      directors: film.directors.map((person) => person.name),
      cast: film.cast.map((person) => person.name),
      rating: film.rating.average,
    };
  }

  /** Genre names; the list changes rarely, so it is kept for ten minutes. */
  async genres(): Promise<string[]> {
    if (this.genreCache && this.genreCache.until > Date.now()) return this.genreCache.names;
    const answer = await this.api.get('api/v1/genres', GenresSchema);
    const names = (answer?.items ?? []).map((genre) => genre.name);
    this.genreCache = { names, until: Date.now() + GENRES_TTL_MS };
    return names;
  }

  async persons(query: string, pageSize = 5): Promise<Person[]> {
    const answer = await this.api.get('api/v1/persons', PersonsSchema, {
      query: { query, pageSize },
    });
    return answer?.items ?? [];
  }

  /** Titles of films by id (unknown ids are left out); at most 500 ids. */
  async lookup(ids: readonly string[]): Promise<FilmRef[]> {
    if (ids.length === 0) return [];
    const answer = await this.api.post('internal/v1/films/lookup', { ids }, LookupSchema);
    return answer?.items ?? [];
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

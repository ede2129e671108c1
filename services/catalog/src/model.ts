/** The catalog's domain types, shared by the logic, the repository and the routes. */

export type Role = 'actor' | 'director' | 'writer';

export interface CastMember {
  name: string;
  character?: string | null;
}

/** A film as written by an admin, an import or a bulk load; people and genres by name. */
export interface FilmInput {
  title: string;
  originalTitle?: string | null;
  year?: number | null;
  runtime?: number | null;
  overview?: string;
  genres?: string[];
  countries?: string[];
  ageRating?: string | null;
  posterUrl?: string | null;
  imdbId?: string | null;
  tmdbId?: number | null;
  directors?: string[];
  writers?: string[];
  cast?: CastMember[];
}

/** A partial edit: absent fields stay, `null` clears, lists replace the whole list. */
export type FilmPatch = Partial<FilmInput>;

export interface Genre {
  id: number;
  name: string;
  slug: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Rating {
  /** Null until the film has been rated. */
  average: number | null;
  count: number;
}

export interface FilmDetail {
  id: string;
  title: string;
  originalTitle: string | null;
  year: number | null;
  runtime: number | null;
  overview: string;
  countries: string[];
  ageRating: string | null;
  posterUrl: string | null;
  imdbId: string | null;
  tmdbId: number | null;
  rating: Rating;
  genres: Genre[];
  directors: PersonRef[];
  writers: PersonRef[];
  cast: (PersonRef & { character: string | null })[];
  createdAt: string;
  updatedAt: string;
}

/** One row of a film list. */
export interface FilmSummary {
  source: 'local';
  id: string;
  title: string;
  originalTitle: string | null;
  year: number | null;
  runtime: number | null;
  posterUrl: string | null;
  rating: Rating;
  genres: string[];
  directors: string[];
}

/** A film found upstream (TMDB) that is not in the catalog: no local id, import it to get one. */
export interface UpstreamFilmSummary {
  source: 'tmdb';
  tmdbId: number;
  title: string;
  originalTitle: string | null;
  year: number | null;
  overview: string;
  posterUrl: string | null;
}

export type FilmSort = 'relevance' | 'year' | '-year' | 'title' | 'rating';
export const FILM_SORTS: readonly FilmSort[] = ['relevance', 'year', '-year', 'title', 'rating'];

export interface FilmSearch {
  query?: string;
  /** Genre name or slug. */
  genre?: string;
  yearFrom?: number;
  yearTo?: number;
  minRating?: number;
  person?: { id: string } | { name: string };
  sort: FilmSort;
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page of film search results; `correctedQuery` when the words as typed matched nothing. */
export interface FilmSearchPage<T> extends Page<T> {
  correctedQuery?: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  filmCount: number;
}

export interface Credit {
  filmId: string;
  title: string;
  year: number | null;
  role: Role;
  character: string | null;
}

export interface PersonDetail {
  id: string;
  name: string;
  filmography: Credit[];
}

/** What other services get from the internal lookup. */
export interface FilmRef {
  id: string;
  title: string;
  year: number | null;
}

import { validation } from '@cinesync/kit/http';
import type { FilmSearch, FilmSort } from './model.js';

export interface FilmQueryParams {
  query?: string;
  genre?: string;
  yearFrom?: number;
  yearTo?: number;
  minRating?: number;
  person?: string;
  sort?: FilmSort;
  page: number;
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Blank means absent: `?query=` is a browse, not a search for nothing. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Turns the list endpoint's query string into a search. The schema has checked each value on
 * its own; the rules that relate two values are checked here. Sort defaults to relevance for a
 * text query and to title otherwise.
 */
export function toFilmSearch(params: FilmQueryParams): FilmSearch {
  if (
    params.yearFrom !== undefined &&
    params.yearTo !== undefined &&
    params.yearFrom > params.yearTo
  ) {
    throw validation(
      [{ field: '/query/yearFrom', message: `must not be greater than yearTo (${params.yearTo})` }],
      'yearFrom is after yearTo.',
    );
  }
  const query = present(params.query);
  const person = present(params.person);
  return {
    query,
    genre: present(params.genre),
    yearFrom: params.yearFrom,
    yearTo: params.yearTo,
    minRating: params.minRating,
    person:
      person === undefined ? undefined : UUID.test(person) ? { id: person } : { name: person },
    sort: params.sort ?? (query === undefined ? 'title' : 'relevance'),
    page: params.page,
    pageSize: params.pageSize,
  };
}

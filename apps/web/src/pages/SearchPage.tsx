import { type FormEvent, useEffect, useRef } from 'react';
import { track } from '../analytics';
import { api, ok } from '../api/client';
import type { FilmListItem, FilmQuery, LocalFilm } from '../api/types';
import { Field } from '../components/field';
import { FilmCard, Poster } from '../components/film';
import { Empty, ErrorNote, Loading, Pager } from '../components/status';
import { navigate, useLocation } from '../lib/router';
import { useAsync } from '../lib/useAsync';

const PAGE_SIZE = 24;
const SORTS = [
  ['', 'Best match'],
  ['rating', 'Highest rated'],
  ['-year', 'Newest'],
  ['year', 'Oldest'],
  ['title', 'Title A–Z'],
] as const;
type Sort = NonNullable<FilmQuery['sort']>;
const isSort = (value: string): value is Sort => SORTS.some(([sort]) => sort && sort === value);

/** The search lives in the address: links and the back button restore it. */
function readQuery(search: URLSearchParams): FilmQuery {
  const text = (name: string) => search.get(name)?.trim() || undefined;
  const number = (name: string) => {
    const value = Number(search.get(name));
    return search.get(name) && Number.isFinite(value) ? value : undefined;
  };
  const sort = search.get('sort') ?? '';
  return {
    query: text('query'),
    genre: text('genre'),
    yearFrom: number('yearFrom'),
    yearTo: number('yearTo'),
    minRating: number('minRating'),
    person: text('person'),
    sort: isSort(sort) ? sort : undefined,
    page: Math.max(1, number('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
}

function toSearch(query: Partial<FilmQuery>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '' || name === 'pageSize') continue;
    if (name === 'page' && value === 1) continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

const FILTERS = ['genre', 'yearFrom', 'yearTo', 'minRating', 'person'] as const;

function TmdbCard({ film }: { film: Extract<FilmListItem, { source: 'tmdb' }> }) {
  return (
    <li className="film-card external">
      <div className="card-link">
        <Poster title={film.title} posterUrl={film.posterUrl} seed={String(film.tmdbId)} />
        <span className="film-card-body">
          <span className="film-card-title">{film.title}</span>
          <span className="film-card-meta">
            {film.year ?? '—'} · found on TMDB, not in the catalog
          </span>
        </span>
      </div>
    </li>
  );
}

export function SearchPage() {
  const { search } = useLocation();
  const query = readQuery(search);
  const key = toSearch(query);
  const genres = useAsync(() => ok(api.GET('/api/v1/genres')), []);
  const results = useAsync(() => ok(api.GET('/api/v1/films', { params: { query } })), [key]);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const lastReported = useRef('');

  // Report the filters once per distinct search that uses any (not on paging through it).
  useEffect(() => {
    const filters: Record<string, string | number> = {};
    for (const name of FILTERS) {
      const value = query[name];
      if (value !== undefined) filters[name] = value;
    }
    if (query.sort) filters.sort = query.sort;
    const signature = JSON.stringify([filters, query.query]);
    if (Object.keys(filters).length === 0 || signature === lastReported.current) return;
    lastReported.current = signature;
    track({
      type: 'search_filter',
      filters,
      page: '/search',
      ...(query.query ? { query: query.query } : {}),
    });
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const numberField = (name: string) => (field(name) === '' ? undefined : Number(field(name)));
    const sort = field('sort');
    navigate(
      toSearch({
        query: field('query') || undefined,
        genre: field('genre') || undefined,
        yearFrom: numberField('yearFrom'),
        yearTo: numberField('yearTo'),
        minRating: numberField('minRating'),
        person: field('person') || undefined,
        sort: isSort(sort) ? sort : undefined,
      }),
    );
  };

  const page = query.page;
  const data = results.data;
  return (
    <>
      <h1>Search films</h1>
      <search>
        {/* Re-mounted when the address or the genre list changes, so the fields show the search. */}
        <form
          className="search-form"
          onSubmit={submit}
          key={`${key}|${genres.data ? 'genres' : ''}`}
        >
          <Field id="q" label="Words" size="wide">
            <input
              id="q"
              name="query"
              type="search"
              defaultValue={query.query}
              placeholder="Title, person, character, plot…"
            />
          </Field>
          <Field id="genre" label="Genre">
            <select id="genre" name="genre" defaultValue={query.genre ?? ''}>
              <option value="">Any genre</option>
              {genres.data?.items.map((genre) => (
                <option key={genre.id} value={genre.slug}>
                  {genre.name}
                </option>
              ))}
              {query.genre && !genres.data && <option value={query.genre}>{query.genre}</option>}
            </select>
          </Field>
          <YearField id="yearFrom" label="From year" value={query.yearFrom} />
          <YearField id="yearTo" label="To year" value={query.yearTo} />
          <Field id="minRating" label="Min rating" size="small">
            <select id="minRating" name="minRating" defaultValue={query.minRating ?? ''}>
              <option value="">Any</option>
              {[9, 8, 7, 6, 5, 4, 3, 2, 1].map((value) => (
                <option key={value} value={value}>
                  {value}+
                </option>
              ))}
            </select>
          </Field>
          <Field id="person" label="Person">
            <input
              id="person"
              name="person"
              defaultValue={query.person}
              placeholder="Exact name, e.g. Tom Hanks"
            />
          </Field>
          <Field id="sort" label="Sort">
            <select id="sort" name="sort" defaultValue={query.sort ?? ''}>
              {SORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button className="button" type="submit">
              Search
            </button>
            <button className="button ghost" type="button" onClick={() => navigate('/search')}>
              Clear
            </button>
          </div>
        </form>
      </search>

      <section aria-labelledby="results-heading" aria-busy={results.loading}>
        <h2 id="results-heading" ref={resultsRef} className="visually-hidden">
          Results
        </h2>
        {results.loading && <Loading label="Searching…" />}
        <ErrorNote error={results.error} retry={results.reload} />
        {data && !results.loading && (
          <p className="result-count" role="status">
            {data.total === 0
              ? 'No films match.'
              : `${data.total} film${data.total === 1 ? '' : 's'} found`}
            {data.correctedQuery && (
              <>
                {' '}
                for <q className="corrected-query">{data.correctedQuery}</q> (no film matches “
                {query.query}” as typed)
              </>
            )}
          </p>
        )}
        {data && data.items.length === 0 && !results.loading && (
          <Empty>Try fewer filters, or check the spelling (small typos are forgiven).</Empty>
        )}
        {data && data.items.length > 0 && (
          <ul className="film-grid" aria-label="Search results">
            {data.items.map((film) =>
              film.source === 'local' ? (
                <FilmCard key={film.id} film={film as LocalFilm} />
              ) : (
                <TmdbCard key={`tmdb-${film.tmdbId}`} film={film} />
              ),
            )}
          </ul>
        )}
        {data && (
          <Pager
            page={page}
            total={data.total}
            pageSize={PAGE_SIZE}
            hasMore={page * PAGE_SIZE < data.total}
            onPage={(next) => {
              navigate(toSearch({ ...query, page: next }));
              resultsRef.current?.scrollIntoView({ block: 'start' });
            }}
          />
        )}
      </section>
    </>
  );
}

function YearField({ id, label, value }: { id: string; label: string; value?: number }) {
  return (
    <Field id={id} label={label} size="small">
      <input id={id} name={id} type="number" min={1870} max={2100} defaultValue={value} />
    </Field>
  );
}

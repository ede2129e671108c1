import { track } from '../analytics';
import { api, ok } from '../api/client';
import type { FilmListItem, LocalFilm } from '../api/types';
import { FilmGrid } from '../components/film';
import { Empty, ErrorNote, Loading } from '../components/status';
import { Link, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';

const local = (items: FilmListItem[]): LocalFilm[] =>
  items.filter((item): item is LocalFilm => item.source === 'local');

function Shelf({ title, sort, more }: { title: string; sort: 'rating' | '-year'; more: string }) {
  const films = useAsync(
    () => ok(api.GET('/api/v1/films', { params: { query: { sort, page: 1, pageSize: 16 } } })),
    [sort],
  );
  const headingId = `shelf-${sort}`;
  return (
    <section className="shelf" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        <Link to={more}>See all</Link>
      </div>
      {films.loading && !films.data && <Loading />}
      <ErrorNote error={films.error} retry={films.reload} />
      {films.data &&
        (films.data.items.length === 0 ? (
          <Empty>No films in the catalog yet.</Empty>
        ) : (
          <FilmGrid films={local(films.data.items)} label={title} layout="row" />
        ))}
    </section>
  );
}

function Genres() {
  const genres = useAsync(() => ok(api.GET('/api/v1/genres')), []);
  return (
    <section className="shelf" aria-labelledby="genres-heading">
      <h2 id="genres-heading">Browse by genre</h2>
      {genres.loading && !genres.data && <Loading />}
      <ErrorNote error={genres.error} retry={genres.reload} />
      {genres.data && (
        <ul className="chips">
          {genres.data.items
            .filter((genre) => genre.filmCount > 0)
            .map((genre) => (
              <li key={genre.id}>
                <Link
                  className="chip"
                  to={`/search?genre=${encodeURIComponent(genre.slug)}`}
                  onClick={() =>
                    track({ type: 'click', element: 'category', target: genre.slug, page: '/' })
                  }
                >
                  {genre.name} <span className="count">{genre.filmCount}</span>
                </Link>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>Films worth your evening</h1>
        <p>Search the catalog, rate what you watched, read what others thought, rent or buy.</p>
        <search>
          <form
            className="hero-search"
            onSubmit={(event) => {
              event.preventDefault();
              const query = new FormData(event.currentTarget).get('query');
              navigate(`/search?query=${encodeURIComponent(String(query ?? '').trim())}`);
            }}
          >
            <label className="visually-hidden" htmlFor="hero-query">
              Search films
            </label>
            <input
              id="hero-query"
              name="query"
              type="search"
              placeholder="Title, actor, director…"
            />
            <button className="button" type="submit">
              Search
            </button>
          </form>
        </search>
      </section>
      <Shelf title="Featured: top rated" sort="rating" more="/search?sort=rating" />
      <Shelf title="Newest releases" sort="-year" more="/search?sort=-year" />
      <Genres />
    </>
  );
}

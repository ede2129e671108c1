import { useEffect } from 'react';
import { track } from '../analytics';
import { api, ok } from '../api/client';
import { Poster } from '../components/film';
import { ErrorNote, Loading } from '../components/status';
import { BookmarkButton } from '../film/BookmarkButton';
import { FilmProducts } from '../film/Products';
import { RatingPanel } from '../film/RatingPanel';
import { Reviews } from '../film/Reviews';
import { TrailerPlayer } from '../film/TrailerPlayer';
import { Link } from '../lib/router';
import { useAsync } from '../lib/useAsync';

const countryName = (code: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

export function FilmPage({ id }: { id: string }) {
  const film = useAsync(
    () => ok(api.GET('/api/v1/films/{id}', { params: { path: { id } } })),
    [id],
  );
  const data = film.data?.id === id ? film.data : undefined;

  useEffect(() => {
    if (data) document.title = `${data.title} · CineSync`;
  }, [data]);

  if (film.error) return <ErrorNote error={film.error} retry={film.reload} />;
  if (!data) return <Loading label="Loading film…" />;

  const people = (list: { id: string; name: string }[]) =>
    list.map((person, index) => (
      <span key={person.id}>
        {index > 0 && ', '}
        <Link to={`/search?person=${encodeURIComponent(person.id)}`}>{person.name}</Link>
      </span>
    ));

  return (
    <article className="film-page">
      <header className="film-header">
        <Poster title={data.title} posterUrl={data.posterUrl} seed={data.id} size="large" />
        <div className="film-facts">
          <h1>{data.title}</h1>
          {data.originalTitle && data.originalTitle !== data.title && (
            <p className="original-title" lang="">
              {data.originalTitle}
            </p>
          )}
          <p className="film-meta">
            {[
              data.year,
              data.runtime ? `${data.runtime} min` : undefined,
              data.ageRating,
              data.countries.map(countryName).join(', ') || undefined,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <ul className="chips" aria-label="Genres">
            {data.genres.map((genre) => (
              <li key={genre.id}>
                <Link
                  className="chip"
                  to={`/search?genre=${encodeURIComponent(genre.slug)}`}
                  onClick={() =>
                    track({
                      type: 'click',
                      element: 'category',
                      target: genre.slug,
                      filmId: data.id,
                      page: '/films/:id',
                    })
                  }
                >
                  {genre.name}
                </Link>
              </li>
            ))}
          </ul>
          <p className="overview">{data.overview || 'No synopsis yet.'}</p>
          <dl className="credits">
            {data.directors.length > 0 && (
              <div className="credit">
                <dt>Directed by</dt>
                <dd>{people(data.directors)}</dd>
              </div>
            )}
            {data.writers.length > 0 && (
              <div className="credit">
                <dt>Written by</dt>
                <dd>{people(data.writers)}</dd>
              </div>
            )}
          </dl>
          <div className="film-actions">
            <BookmarkButton filmId={data.id} />
          </div>
        </div>
      </header>

      <div className="film-body">
        <div className="film-main">
          <TrailerPlayer filmId={data.id} title={data.title} />
          {data.cast.length > 0 && (
            <section className="panel" aria-labelledby="cast-heading">
              <h2 id="cast-heading">Cast</h2>
              <ul className="cast">
                {data.cast.map((member) => (
                  <li key={`${member.id}-${member.character ?? ''}`}>
                    <Link to={`/search?person=${encodeURIComponent(member.id)}`}>
                      {member.name}
                    </Link>
                    {member.character && <span className="character">as {member.character}</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Reviews filmId={data.id} />
        </div>
        <aside className="film-side">
          <FilmProducts filmId={data.id} title={data.title} />
          <RatingPanel filmId={data.id} />
        </aside>
      </div>
    </article>
  );
}

import { track } from '../analytics';
import type { LocalFilm } from '../api/types';
import { Link, useLocation } from '../lib/router';

/** A stable hue per film, so a film without a poster still has its own look. */
function hueOf(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

export function Poster({
  title,
  posterUrl,
  seed,
  size = 'card',
}: {
  title: string;
  posterUrl: string | null;
  seed: string;
  size?: 'card' | 'large';
}) {
  if (posterUrl) {
    return <img className={`poster ${size}`} src={posterUrl} alt="" loading="lazy" />;
  }
  const hue = hueOf(seed);
  const initials = title
    .split(/\s+/)
    .filter((word) => /^[\p{L}\p{N}]/u.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join('');
  return (
    <div
      className={`poster placeholder ${size}`}
      aria-hidden="true"
      style={{
        background: `linear-gradient(160deg, hsl(${hue} 45% 28%), hsl(${(hue + 50) % 360} 55% 12%))`,
      }}
    >
      <span>{initials}</span>
    </div>
  );
}

export function RatingBadge({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="rating none">Not rated yet</span>;
  return (
    <span className="rating" title={`${count} ratings`}>
      <span aria-hidden="true">★</span> {average.toFixed(1)}
      <span className="visually-hidden"> out of 10 from {count} ratings</span>
    </span>
  );
}

export function FilmCard({ film }: { film: LocalFilm }) {
  const { pathname } = useLocation();
  return (
    <li className="film-card">
      <Link
        className="card-link"
        to={`/films/${film.id}`}
        onClick={() =>
          track({
            type: 'click',
            element: 'film-card',
            target: film.id,
            filmId: film.id,
            page: pathname,
          })
        }
      >
        <Poster title={film.title} posterUrl={film.posterUrl} seed={film.id} />
        <span className="film-card-body">
          <span className="film-card-title">{film.title}</span>
          <span className="film-card-meta">
            {film.year ?? '—'}
            {film.genres.length > 0 && ` · ${film.genres.slice(0, 2).join(', ')}`}
          </span>
          <RatingBadge average={film.rating.average} count={film.rating.count} />
        </span>
      </Link>
    </li>
  );
}

export function FilmGrid({
  films,
  label,
  layout = 'grid',
}: {
  films: LocalFilm[];
  label: string;
  /** A grid that wraps, or one row that scrolls sideways (home page shelves). */
  layout?: 'grid' | 'row';
}) {
  return (
    <ul className={layout === 'row' ? 'shelf-row' : 'film-grid'} aria-label={label}>
      {films.map((film) => (
        <FilmCard key={film.id} film={film} />
      ))}
    </ul>
  );
}

import type { FilmInput, UpstreamFilmSummary } from '../model.js';
import type { TmdbMovie, TmdbSearchHit } from './schemas.js';

const MAX_CAST = 15;
const WRITING_JOBS = new Set(['Screenplay', 'Writer', 'Story', 'Novel', 'Author', 'Characters']);

function yearOf(releaseDate: string | null | undefined): number | null {
  const match = /^(\d{4})-/.exec(releaseDate ?? '');
  const year = match?.[1] ? Number(match[1]) : Number.NaN;
  return year >= 1870 && year <= 2100 ? year : null;
}

function posterUrl(imageBase: string, path: string | null | undefined): string | null {
  if (!path) return null;
  return `${imageBase.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A TMDB movie (with `append_to_response=credits`) as a catalog film. */
export function filmFromTmdb(movie: TmdbMovie, imageBase: string): FilmInput {
  const crew = movie.credits?.crew ?? [];
  const cast = [...(movie.credits?.cast ?? [])]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .slice(0, MAX_CAST);
  return {
    title: movie.title,
    originalTitle: movie.original_title ?? null,
    year: yearOf(movie.release_date),
    runtime: movie.runtime && movie.runtime > 0 ? Math.round(movie.runtime) : null,
    overview: movie.overview ?? '',
    genres: (movie.genres ?? []).map((genre) => genre.name),
    countries: (movie.production_countries ?? [])
      .map((country) => country.iso_3166_1)
      .filter((code) => /^[A-Za-z]{2}$/.test(code)),
    posterUrl: posterUrl(imageBase, movie.poster_path),
    imdbId: movie.imdb_id || null,
    tmdbId: movie.id,
    directors: crew.filter((member) => member.job === 'Director').map((member) => member.name),
    writers: crew
      .filter((member) => member.department === 'Writing' && WRITING_JOBS.has(member.job ?? ''))
      .map((member) => member.name),
    cast: cast.map((member) => ({ name: member.name, character: member.character ?? null })),
  };
}

export function upstreamSummary(hit: TmdbSearchHit, imageBase: string): UpstreamFilmSummary {
  return {
    source: 'tmdb',
    tmdbId: hit.id,
    title: hit.title,
    originalTitle: hit.original_title ?? null,
    year: yearOf(hit.release_date),
    overview: hit.overview ?? '',
    posterUrl: posterUrl(imageBase, hit.poster_path),
  };
}

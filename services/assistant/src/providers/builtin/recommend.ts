import type { FilmSummary } from '../../clients/catalog.js';

/** How the user rates one genre: the mean of their ratings of films in it. */
export interface GenreTaste {
  genre: string;
  average: number;
  count: number;
}

/** Ratings 1–10: above this midpoint a rating says "liked", below it "disliked". */
const MIDPOINT = 5.5;
/** A genre is a favourite when the user's mean rating of it is at least this. */
const LIKED = 6;

/**
 * The user's genres by their mean rating, best first (ties: more ratings, then name). A film in
 * several genres counts for each of them.
 */
export function genreTastes(rated: readonly { rating: number; genres: readonly string[] }[]) {
  const sums = new Map<string, { total: number; count: number }>();
  for (const film of rated) {
    for (const genre of film.genres) {
      const sum = sums.get(genre) ?? { total: 0, count: 0 };
      sum.total += film.rating;
      sum.count += 1;
      sums.set(genre, sum);
    }
  }
  return [...sums]
    .map(([genre, { total, count }]): GenreTaste => ({ genre, average: total / count, count }))
    .sort((a, b) => b.average - a.average || b.count - a.count || a.genre.localeCompare(b.genre));
}

/** The user's highest-rated genres that they actually like, at most `max`. */
export function favouriteGenres(tastes: readonly GenreTaste[], max = 2): GenreTaste[] {
  return tastes.filter((taste) => taste.average >= LIKED).slice(0, max);
}

/**
 * How well a film fits the user's taste: for each of its genres, how far above (or below) the
 * midpoint the user rates that genre; genres the user never rated count 0.
 */
export function affinity(film: FilmSummary, tastes: readonly GenreTaste[]): number {
  let score = 0;
  for (const genre of film.genres) {
    const taste = tastes.find((t) => t.genre === genre);
    if (taste) score += taste.average - MIDPOINT;
  }
  return score;
}

/**
 * Candidates the user has not rated, best fit first: affinity, then the catalog's average
 * rating (unrated last), then newer, then title. Only films that fit (affinity > 0) are kept
 * when the user has tastes at all.
 */
export function rankCandidates(
  candidates: readonly FilmSummary[],
  tastes: readonly GenreTaste[],
  rated: ReadonlySet<string>,
): FilmSummary[] {
  const seen = new Set<string>();
  const scored: { film: FilmSummary; score: number }[] = [];
  for (const film of candidates) {
    if (rated.has(film.id) || seen.has(film.id)) continue;
    seen.add(film.id);
    const score = affinity(film, tastes);
    if (tastes.length === 0 || score > 0) scored.push({ film, score });
  }
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.film.rating ?? -1) - (a.film.rating ?? -1) ||
        (b.film.year ?? 0) - (a.film.year ?? 0) ||
        a.film.title.localeCompare(b.film.title),
    )
    .map((entry) => entry.film);
}

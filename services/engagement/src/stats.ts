import type { FilmStatsRow, StatsDelta } from './repository/ratings.js';

export const MIN_RATING = 1;
export const MAX_RATING = 10;
/** A rating of 6 or more counts as a like, 5 or less as a dislike. */
export const LIKE_FROM = 6;

export interface FilmStats {
  filmId: string;
  likes: number;
  dislikes: number;
  count: number;
  /** Mean rating rounded to 2 decimals; null while nobody has rated the film. */
  average: number | null;
  /** Number of ratings per value, keys "1".."10". */
  distribution: Record<string, number>;
}

const emptyBuckets = () => Array.from({ length: MAX_RATING }, () => 0);

/** How a change of one user's rating from `from` to `to` (null: none) moves the film's row. */
export function statsDelta(from: number | null, to: number | null): StatsDelta {
  const buckets = emptyBuckets();
  if (from !== null) buckets[from - 1] = -1;
  if (to !== null) buckets[to - 1] = (buckets[to - 1] ?? 0) + 1;
  return {
    count: (to === null ? 0 : 1) - (from === null ? 0 : 1),
    sum: (to ?? 0) - (from ?? 0),
    buckets,
  };
}

export function averageOf(count: number, sum: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

/** The public view of a film's row; a film nobody rated has zeros everywhere. */
export function toFilmStats(filmId: string, row: FilmStatsRow | null): FilmStats {
  const buckets = row?.buckets ?? emptyBuckets();
  const count = row?.count ?? 0;
  let likes = 0;
  let dislikes = 0;
  const distribution: Record<string, number> = {};
  buckets.forEach((n, i) => {
    const value = i + 1;
    distribution[String(value)] = n;
    if (value >= LIKE_FROM) likes += n;
    else dislikes += n;
  });
  return { filmId, likes, dislikes, count, average: averageOf(count, row?.sum ?? 0), distribution };
}

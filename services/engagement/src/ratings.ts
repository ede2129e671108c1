import { ratingChanged } from '@cinesync/contracts';
import type { Db, Tx } from '@cinesync/kit/db';
import { notFound } from '@cinesync/kit/http';
import { enqueue } from '@cinesync/kit/outbox';
import { ratings } from './repository/index.js';
import type { FilmStatsRow, RatingRow } from './repository/ratings.js';
import { averageOf, type FilmStats, statsDelta, toFilmStats } from './stats.js';
import type { Writer } from './writer.js';

export interface RatingResult {
  rating: RatingRow;
  /** True when this was the user's first rating of the film. */
  created: boolean;
  /** The film's stats right after the change, as committed with it. */
  stats: FilmStats;
}

async function emitChange(
  tx: Tx,
  userId: string,
  filmId: string,
  value: number | null,
  stats: FilmStatsRow,
) {
  await enqueue(tx, {
    subject: ratingChanged.subject,
    key: filmId,
    payload: {
      version: 1,
      filmId,
      userId,
      value,
      average: averageOf(stats.count, stats.sum),
      count: stats.count,
      occurredAt: new Date().toISOString(),
    },
  });
}

/** Locks the user's rating, creating it if absent; returns the value it had before (null: new). */
async function upsert(tx: Tx, userId: string, filmId: string, value: number) {
  for (;;) {
    const previous = await ratings.lockRating(tx, userId, filmId);
    if (previous !== null) {
      const rating =
        previous === value
          ? await ratings.findRating(tx, userId, filmId)
          : await ratings.updateRating(tx, userId, filmId, value);
      if (!rating) throw new Error('upsert: the locked rating row is gone');
      return { previous, rating };
    }
    const rating = await ratings.insertRating(tx, userId, filmId, value);
    if (rating) return { previous: null, rating };
    // Another request of this user inserted the first rating meanwhile: lock that row and retry.
  }
}

/**
 * Sets the user's rating of the film (idempotent). The rating row is locked first, so the previous
 * value the delta is computed from is the committed one; the film's row is then moved by that
 * delta in the same transaction, and the event goes to the outbox in it too.
 */
export async function rateFilm(
  writer: Writer,
  userId: string,
  filmId: string,
  value: number,
): Promise<RatingResult> {
  const result = await writer.db.transaction(async (tx) => {
    const { previous, rating } = await upsert(tx, userId, filmId, value);
    if (previous === value) {
      const row = await ratings.findStats(tx, filmId);
      return { rating, created: false, stats: toFilmStats(filmId, row), changed: false };
    }
    const row = await ratings.applyStatsDelta(tx, filmId, statsDelta(previous, value));
    await emitChange(tx, userId, filmId, value, row);
    return { rating, created: previous === null, stats: toFilmStats(filmId, row), changed: true };
  });
  if (result.changed) writer.published();
  return { rating: result.rating, created: result.created, stats: result.stats };
}

/** Removes the user's rating; 404 when there is none. */
export async function unrateFilm(
  writer: Writer,
  userId: string,
  filmId: string,
): Promise<FilmStats> {
  const stats = await writer.db.transaction(async (tx) => {
    const previous = await ratings.deleteRating(tx, userId, filmId);
    if (previous === null) throw notFound('You have not rated this film.', 'rating_not_found');
    const row = await ratings.applyStatsDelta(tx, filmId, statsDelta(previous, null));
    await emitChange(tx, userId, filmId, null, row);
    return toFilmStats(filmId, row);
  });
  writer.published();
  return stats;
}

export async function getMyRating(db: Db, userId: string, filmId: string): Promise<RatingRow> {
  const rating = await ratings.findRating(db, userId, filmId);
  if (!rating) throw notFound('You have not rated this film.', 'rating_not_found');
  return rating;
}

export async function getFilmStats(db: Db, filmId: string): Promise<FilmStats> {
  return toFilmStats(filmId, await ratings.findStats(db, filmId));
}

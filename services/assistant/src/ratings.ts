import { parseEvent, ratingChanged } from '@cinesync/contracts';
import type { Bus, Subscription } from '@cinesync/kit/bus';
import type { Db } from '@cinesync/kit/db';
import { consume } from '@cinesync/kit/outbox';
import { applyRating, listRatings, type RatingRow } from './repository.js';

/** A user's film ratings, for recommendations and the `get_my_ratings` tool. */
export interface RatingsSource {
  /** Current ratings, highest first, then most recent; at most `limit`. */
  ratingsOf(userId: string, limit: number): Promise<RatingRow[]>;
}

/**
 * Engagement offers no "list my ratings" endpoint, so the assistant keeps its own copy of every
 * user's ratings from `engagement.rating.changed` (a new durable starts at the beginning of the
 * stream, so the copy is complete). Applying an event is idempotent (inbox) and an older event
 * never overwrites a newer one (rated_at), so redeliveries and replicas are harmless.
 */
export function consumeRatings(db: Db, bus: Bus, durable: string): Subscription {
  return consume(db, bus, { durable, subjects: [ratingChanged.subject] }, async (tx, message) => {
    const event = parseEvent(ratingChanged, message.payload);
    await applyRating(tx, {
      userId: event.userId,
      filmId: event.filmId,
      value: event.value,
      ratedAt: event.occurredAt,
    });
  });
}

export function ratingsFromDb(db: Db): RatingsSource {
  return { ratingsOf: (userId, limit) => listRatings(db, userId, limit) };
}

import { parseEvent, ratingChanged } from '@cinesync/contracts';
import type { Bus, Subscription } from '@cinesync/kit/bus';
import type { Db } from '@cinesync/kit/db';
import { consume } from '@cinesync/kit/outbox';
import { setRating } from './repository/index.js';

export const RATINGS_CONSUMER = 'catalog-ratings';

/**
 * Keeps films' rating_avg/rating_count in step with engagement. Events are keyed by film id, so
 * a film's events arrive in commit order and the last one carries the current totals: each is
 * applied as is, no arithmetic here. The inbox makes a redelivery a no-op. A rating for a film the
 * catalog no longer has is dropped; a payload that breaks the contract fails, is retried, then
 * dead-lettered by the bus.
 */
export function consumeRatings(db: Db, bus: Bus): Subscription {
  return consume(
    db,
    bus,
    { durable: RATINGS_CONSUMER, subjects: [ratingChanged.subject] },
    async (tx, message) => {
      const event = parseEvent(ratingChanged, message.payload);
      await setRating(tx, event.filmId, event.average, event.count);
    },
  );
}

import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

/**
 * A user's rating of a film was set, changed or removed (`value` null). Key: the film id, so a
 * film's events arrive in commit order and the last one carries its current `average`/`count`:
 * the catalog keeps its denormalised rating from it without reading engagement's tables.
 */
export const RatingChangedV1 = Type.Object(
  {
    version: Type.Literal(1),
    filmId: Uuid,
    userId: Uuid,
    value: Type.Union([Type.Integer({ minimum: 1, maximum: 10 }), Type.Null()]),
    /** The film's average after this change; null when no ratings are left. */
    average: Type.Union([Type.Number(), Type.Null()]),
    count: Type.Integer({ minimum: 0 }),
    occurredAt: Instant,
  },
  { title: 'engagement.rating.changed v1' },
);
export type RatingChangedV1 = Static<typeof RatingChangedV1>;
export const ratingChanged = defineEvent('engagement.rating.changed', 1, RatingChangedV1);

/** A review was published. Key: the review id. The text stays in engagement; fetch it if needed. */
export const ReviewCreatedV1 = Type.Object(
  {
    version: Type.Literal(1),
    reviewId: Uuid,
    filmId: Uuid,
    userId: Uuid,
    occurredAt: Instant,
  },
  { title: 'engagement.review.created v1' },
);
export type ReviewCreatedV1 = Static<typeof ReviewCreatedV1>;
export const reviewCreated = defineEvent('engagement.review.created', 1, ReviewCreatedV1);

/**
 * A user's vote on a review changed (`value` 0: cleared). Key: the review id; the counters are
 * the review's totals after this vote.
 */
export const ReviewVotedV1 = Type.Object(
  {
    version: Type.Literal(1),
    reviewId: Uuid,
    filmId: Uuid,
    userId: Uuid,
    value: Type.Union([Type.Literal(1), Type.Literal(-1), Type.Literal(0)]),
    upVotes: Type.Integer({ minimum: 0 }),
    downVotes: Type.Integer({ minimum: 0 }),
    occurredAt: Instant,
  },
  { title: 'engagement.review.voted v1' },
);
export type ReviewVotedV1 = Static<typeof ReviewVotedV1>;
export const reviewVoted = defineEvent('engagement.review.voted', 1, ReviewVotedV1);

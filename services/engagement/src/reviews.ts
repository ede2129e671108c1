import { reviewCreated, reviewVoted } from '@cinesync/contracts';
import { type Db, isUniqueViolation } from '@cinesync/kit/db';
import { conflict, forbidden, notFound, validation } from '@cinesync/kit/http';
import { enqueue, uuidv7 } from '@cinesync/kit/outbox';
import type { Actor } from './actor.js';
import { type Page, type PageRequest, toPage, window } from './pagination.js';
import { reviews } from './repository/index.js';
import type { ReviewRow, ReviewSort } from './repository/reviews.js';
import type { Writer } from './writer.js';

export const MAX_REVIEW_LENGTH = 5000;

export type VoteValue = 1 | -1 | 0;

export interface ReviewView extends ReviewRow {
  /** The caller's vote: 1, -1, 0 for none; null for guests. */
  myVote: VoteValue | null;
}

export interface VoteResult {
  reviewId: string;
  value: VoteValue;
  upVotes: number;
  downVotes: number;
}

const reviewNotFound = () => notFound('There is no review with this id.', 'review_not_found');

/** Blank text is refused here: the schema can check length, not meaning. */
function cleanText(text: string, field = '/body/text'): string {
  const trimmed = text.trim();
  if (trimmed === '') throw validation([{ field, message: 'must not be blank' }]);
  return trimmed;
}

export async function createReview(
  writer: Writer,
  actor: Actor,
  filmId: string,
  text: string,
): Promise<ReviewRow> {
  const body = cleanText(text);
  let review: ReviewRow;
  try {
    review = await writer.db.transaction(async (tx) => {
      const created = await reviews.insertReview(tx, {
        id: uuidv7(),
        filmId,
        userId: actor.id,
        author: actor.name,
        text: body,
      });
      await enqueue(tx, {
        subject: reviewCreated.subject,
        key: created.id,
        payload: {
          version: 1,
          reviewId: created.id,
          filmId,
          userId: actor.id,
          occurredAt: created.createdAt.toISOString(),
        },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('You have already reviewed this film; edit that review.', 'review_exists');
    }
    throw error;
  }
  writer.published();
  return review;
}

/** Authors edit their own reviews; nobody else may, admins included. */
export async function editReview(
  db: Db,
  actor: Actor,
  reviewId: string,
  text: string,
): Promise<ReviewRow> {
  const body = cleanText(text);
  return db.transaction(async (tx) => {
    const review = await reviews.lockReview(tx, reviewId);
    if (!review) throw reviewNotFound();
    if (review.userId !== actor.id) throw forbidden('Only its author may edit a review.');
    return reviews.updateReviewText(tx, reviewId, body);
  });
}

/** Authors delete their own reviews, admins any (moderation). */
export async function deleteReview(db: Db, actor: Actor, reviewId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const review = await reviews.lockReview(tx, reviewId);
    if (!review) throw reviewNotFound();
    if (review.userId !== actor.id && actor.role !== 'admin') {
      throw forbidden('Only its author or an admin may delete a review.');
    }
    await reviews.deleteReview(tx, reviewId);
  });
}

/** The up/down change of moving one vote from `from` to `to` (0: no vote). */
export function voteDelta(from: VoteValue, to: VoteValue): { up: number; down: number } {
  return {
    up: (to === 1 ? 1 : 0) - (from === 1 ? 1 : 0),
    down: (to === -1 ? 1 : 0) - (from === -1 ? 1 : 0),
  };
}

const asVote = (value: number | null): VoteValue => (value === 1 ? 1 : value === -1 ? -1 : 0);

/**
 * Sets (1, -1) or clears (0) the caller's vote. Lock order is review row, then vote row, which
 * every vote and delete follows, so they queue rather than deadlock; the counters move by the
 * delta in the same transaction. Voting on your own review is refused.
 */
export async function voteReview(
  writer: Writer,
  actor: Actor,
  reviewId: string,
  value: VoteValue,
): Promise<VoteResult> {
  const result = await writer.db.transaction(async (tx) => {
    const review = await reviews.lockReview(tx, reviewId);
    if (!review) throw reviewNotFound();
    if (review.userId === actor.id)
      throw forbidden('You cannot vote on your own review.', 'own_review');
    const previous = asVote(await reviews.lockVote(tx, reviewId, actor.id));
    if (previous === value) {
      return {
        changed: false,
        reviewId,
        value,
        upVotes: review.upVotes,
        downVotes: review.downVotes,
      };
    }
    // The review lock serialises votes on it, so no other request can add this row meanwhile.
    if (previous === 0) await reviews.insertVote(tx, reviewId, actor.id, value);
    else if (value === 0) await reviews.deleteVote(tx, reviewId, actor.id);
    else await reviews.updateVote(tx, reviewId, actor.id, value);
    const { up, down } = voteDelta(previous, value);
    const counts = await reviews.addVoteCounts(tx, reviewId, up, down);
    await enqueue(tx, {
      subject: reviewVoted.subject,
      key: reviewId,
      payload: {
        version: 1,
        reviewId,
        filmId: review.filmId,
        userId: actor.id,
        value,
        ...counts,
        occurredAt: new Date().toISOString(),
      },
    });
    return { changed: true, reviewId, value, ...counts };
  });
  if (result.changed) writer.published();
  return {
    reviewId: result.reviewId,
    value: result.value,
    upVotes: result.upVotes,
    downVotes: result.downVotes,
  };
}

export async function listFilmReviews(
  db: Db,
  viewer: Actor | null,
  filmId: string,
  sort: ReviewSort,
  request: PageRequest,
): Promise<Page<ReviewView>> {
  const { limit, offset } = window(request);
  const page = toPage(await reviews.listFilmReviews(db, filmId, sort, limit, offset), request);
  const votes = viewer
    ? await reviews.findVotes(
        db,
        viewer.id,
        page.items.map((review) => review.id),
      )
    : undefined;
  return {
    ...page,
    items: page.items.map((review) => ({
      ...review,
      myVote: votes ? asVote(votes.get(review.id) ?? null) : null,
    })),
  };
}

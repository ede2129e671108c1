import { type Db, pgErrorCode, SqlState } from '@cinesync/kit/db';
import { notFound, unprocessable, validation } from '@cinesync/kit/http';
import { uuidv7 } from '@cinesync/kit/outbox';
import type { Actor } from './actor.js';
import { type Page, type PageRequest, toPage, window } from './pagination.js';
import type { CommentRow } from './repository/comments.js';
import { comments, reviews } from './repository/index.js';

export const MAX_COMMENT_LENGTH = 2000;
/** Replies nest at most this deep (0 is a comment on the review itself); deeper threads stop being readable. */
export const MAX_COMMENT_DEPTH = 5;

export type CommentView = Omit<CommentRow, 'path'>;

const reviewNotFound = () => notFound('There is no review with this id.', 'review_not_found');

const view = ({ path: _path, ...comment }: CommentRow): CommentView => comment;

/** A comment on the review, or a reply to a comment of the same review. */
export async function addComment(
  db: Db,
  actor: Actor,
  reviewId: string,
  text: string,
  parentId: string | undefined,
): Promise<CommentView> {
  const body = text.trim();
  if (body === '') throw validation([{ field: '/body/text', message: 'must not be blank' }]);
  if (!(await reviews.findReview(db, reviewId))) throw reviewNotFound();
  const id = uuidv7();
  let depth = 0;
  let path = [id];
  if (parentId !== undefined) {
    const parent = await comments.findComment(db, parentId);
    if (!parent || parent.reviewId !== reviewId) {
      throw unprocessable('The parent comment does not belong to this review.', 'invalid_parent');
    }
    if (parent.depth + 1 > MAX_COMMENT_DEPTH) {
      throw unprocessable(
        `Replies nest at most ${MAX_COMMENT_DEPTH} levels deep.`,
        'comment_too_deep',
      );
    }
    depth = parent.depth + 1;
    path = [...parent.path, id];
  }
  try {
    const comment = await comments.insertComment(db, {
      id,
      reviewId,
      parentId: parentId ?? null,
      userId: actor.id,
      author: actor.name,
      text: body,
      depth,
      path,
    });
    return view(comment);
  } catch (error) {
    // The review (or the parent) was deleted since the checks above.
    if (pgErrorCode(error) === SqlState.foreignKeyViolation) throw reviewNotFound();
    throw error;
  }
}

/**
 * A page of threads: `pageSize` top-level comments, oldest first, each followed by all its
 * replies depth-first (a flat list; `parentId` and `depth` rebuild the tree).
 */
export async function listComments(
  db: Db,
  reviewId: string,
  request: PageRequest,
): Promise<Page<CommentView>> {
  if (!(await reviews.findReview(db, reviewId))) throw reviewNotFound();
  const { limit, offset } = window(request);
  const roots = toPage(await comments.listRootIds(db, reviewId, limit, offset), request);
  const rows = await comments.listThreads(db, reviewId, roots.items);
  return { ...roots, items: rows.map(view) };
}

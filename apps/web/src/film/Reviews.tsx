import { type FormEvent, useState } from 'react';
import { api, ok } from '../api/client';
import type { Review } from '../api/types';
import { useAuth } from '../auth/auth';
import { formatDate } from '../components/format';
import { Empty, ErrorNote, Loading, Pager, SignInPrompt } from '../components/status';
import { useAction, useAsync } from '../lib/useAsync';
import { Comments } from './Comments';

const PAGE_SIZE = 10;

function ReviewForm({
  initial = '',
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [text, setText] = useState(initial);
  const save = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await onSubmit(text.trim());
    setText('');
  });
  return (
    <form className="review-form" onSubmit={(event) => void save.run(event)}>
      <label htmlFor="review-text">Your review</label>
      <textarea
        id="review-text"
        value={text}
        rows={4}
        maxLength={5000}
        required
        placeholder="What did you think?"
        onChange={(event) => setText(event.target.value)}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={save.pending || !text.trim()}>
          {save.pending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button className="button ghost" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span className="hint">{text.length}/5000</span>
      </div>
      <ErrorNote error={save.error} />
    </form>
  );
}

function ReviewItem({
  review,
  onChanged,
  onDeleted,
}: {
  review: Review;
  onChanged: (review: Review) => void;
  onDeleted: () => void;
}) {
  const { viewer } = useAuth();
  const [editing, setEditing] = useState(false);
  const [showComments, setShowComments] = useState(false);
  const own = viewer?.id === review.userId;
  const vote = useAction(async (value: 1 | -1) => {
    const next = review.myVote === value ? 0 : value;
    const answer = await ok(
      api.POST('/api/v1/reviews/{id}/vote', {
        params: { path: { id: review.id } },
        body: { value: next },
      }),
    );
    onChanged({ ...review, myVote: next, upVotes: answer.upVotes, downVotes: answer.downVotes });
  });
  const remove = useAction(async () => {
    if (!confirm('Delete this review and its comments?')) return;
    await ok(api.DELETE('/api/v1/reviews/{id}', { params: { path: { id: review.id } } }));
    onDeleted();
  });
  const canVote = viewer !== undefined && !own;

  return (
    <li className="review">
      <p className="byline">
        <strong>{review.author ?? 'Someone'}</strong>
        {own && <span className="tag">you</span>} ·{' '}
        <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
        {review.updatedAt !== review.createdAt && <span className="hint"> (edited)</span>}
      </p>
      {editing ? (
        <ReviewForm
          initial={review.text}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (text) => {
            const updated = await ok(
              api.PATCH('/api/v1/reviews/{id}', {
                params: { path: { id: review.id } },
                body: { text },
              }),
            );
            onChanged({ ...review, ...updated });
            setEditing(false);
          }}
        />
      ) : (
        <p className="review-text">{review.text}</p>
      )}
      <div className="review-actions">
        <fieldset className="votes">
          <legend className="visually-hidden">Was this review helpful?</legend>
          <button
            type="button"
            className="vote"
            aria-pressed={review.myVote === 1}
            disabled={!canVote || vote.pending}
            title={own ? 'You cannot vote on your own review' : undefined}
            onClick={() => void vote.run(1)}
          >
            <span aria-hidden="true">▲</span> Helpful{' '}
            <span className="count">{review.upVotes}</span>
          </button>
          <button
            type="button"
            className="vote"
            aria-pressed={review.myVote === -1}
            disabled={!canVote || vote.pending}
            onClick={() => void vote.run(-1)}
          >
            <span aria-hidden="true">▼</span> Not helpful{' '}
            <span className="count">{review.downVotes}</span>
          </button>
        </fieldset>
        <button
          type="button"
          className="link-button"
          aria-expanded={showComments}
          onClick={() => setShowComments(!showComments)}
        >
          {showComments ? 'Hide comments' : 'Comments'}
        </button>
        {own && !editing && (
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {(own || viewer?.isAdmin) && (
          <button type="button" className="link-button danger" onClick={() => void remove.run()}>
            Delete
          </button>
        )}
      </div>
      <ErrorNote error={vote.error ?? remove.error} />
      {showComments && <Comments reviewId={review.id} />}
    </li>
  );
}

export function Reviews({ filmId }: { filmId: string }) {
  const { viewer } = useAuth();
  const [sort, setSort] = useState<'new' | 'top'>('new');
  const [page, setPage] = useState(1);
  const reviews = useAsync(
    () =>
      ok(
        api.GET('/api/v1/films/{filmId}/reviews', {
          params: { path: { filmId }, query: { sort, page, pageSize: PAGE_SIZE } },
        }),
      ),
    [filmId, sort, page, viewer?.id],
  );
  const items = reviews.data?.items ?? [];
  const wroteOne = items.some((review) => review.userId === viewer?.id);
  const replace = (next: Review) =>
    reviews.setData(
      (data) => data && { ...data, items: data.items.map((r) => (r.id === next.id ? next : r)) },
    );

  return (
    <section className="panel reviews" aria-labelledby="reviews-heading">
      <div className="section-head">
        <h2 id="reviews-heading">Reviews</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Order reviews</legend>
          {(['new', 'top'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={sort === value}
              onClick={() => {
                setSort(value);
                setPage(1);
              }}
            >
              {value === 'new' ? 'Newest' : 'Most helpful'}
            </button>
          ))}
        </fieldset>
      </div>
      {!viewer ? (
        <SignInPrompt what="write a review" />
      ) : (
        !wroteOne && (
          <ReviewForm
            submitLabel="Publish review"
            onSubmit={async (text) => {
              await ok(api.POST('/api/v1/reviews', { body: { filmId, text } }));
              setSort('new');
              setPage(1);
              reviews.reload();
            }}
          />
        )
      )}
      {reviews.loading && !reviews.data && <Loading label="Loading reviews…" />}
      <ErrorNote error={reviews.error} retry={reviews.reload} />
      {reviews.data && items.length === 0 && <Empty>No reviews yet. Be the first.</Empty>}
      {items.length > 0 && (
        <ul className="review-list">
          {items.map((review) => (
            <ReviewItem
              key={review.id}
              review={review}
              onChanged={replace}
              onDeleted={reviews.reload}
            />
          ))}
        </ul>
      )}
      {reviews.data && <Pager page={page} hasMore={reviews.data.hasMore} onPage={setPage} />}
    </section>
  );
}

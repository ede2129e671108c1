import { type FormEvent, useId, useState } from 'react';
import { api, ok } from '../api/client';
import type { Comment } from '../api/types';
import { useAuth } from '../auth/auth';
import { formatDate } from '../components/format';
import { Empty, ErrorNote, Loading } from '../components/status';
import { useAction, useAsync } from '../lib/useAsync';

const PAGE_SIZE = 20;
const MAX_DEPTH = 5;

function CommentForm({
  reviewId,
  parentId,
  onDone,
  label,
}: {
  reviewId: string;
  parentId?: string;
  onDone: () => void;
  label: string;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const send = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await ok(
      api.POST('/api/v1/reviews/{id}/comments', {
        params: { path: { id: reviewId } },
        body: { text: text.trim(), ...(parentId ? { parentId } : {}) },
      }),
    );
    setText('');
    onDone();
  });
  return (
    <form className="comment-form" onSubmit={(event) => void send.run(event)}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        maxLength={2000}
        rows={2}
        placeholder={label}
        onChange={(event) => setText(event.target.value)}
        required
      />
      <button type="submit" className="button small" disabled={send.pending || !text.trim()}>
        {send.pending ? 'Sending…' : 'Send'}
      </button>
      <ErrorNote error={send.error} />
    </form>
  );
}

function CommentItem({
  comment,
  reviewId,
  onChange,
}: {
  comment: Comment;
  reviewId: string;
  onChange: () => void;
}) {
  const { viewer } = useAuth();
  const [replying, setReplying] = useState(false);
  return (
    <li
      className="comment"
      style={{ marginInlineStart: `${Math.min(comment.depth, MAX_DEPTH) * 1.25}rem` }}
    >
      <p className="byline">
        <strong>{comment.author ?? 'Someone'}</strong> ·{' '}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt)}</time>
      </p>
      <p className="comment-text">{comment.text}</p>
      {viewer && comment.depth < MAX_DEPTH && (
        <button
          type="button"
          className="link-button"
          aria-expanded={replying}
          onClick={() => setReplying(!replying)}
        >
          Reply
        </button>
      )}
      {replying && (
        <CommentForm
          reviewId={reviewId}
          parentId={comment.id}
          label={`Reply to ${comment.author ?? 'this comment'}`}
          onDone={() => {
            setReplying(false);
            onChange();
          }}
        />
      )}
    </li>
  );
}

/** A review's threads: a page of top-level comments, each with its replies indented. */
export function Comments({ reviewId }: { reviewId: string }) {
  const { viewer } = useAuth();
  const [pages, setPages] = useState(1);
  const comments = useAsync(
    () =>
      ok(
        api.GET('/api/v1/reviews/{id}/comments', {
          params: { path: { id: reviewId }, query: { page: 1, pageSize: PAGE_SIZE * pages } },
        }),
      ),
    [reviewId, pages],
  );
  return (
    <div className="comments">
      {comments.loading && !comments.data && <Loading label="Loading comments…" />}
      <ErrorNote error={comments.error} retry={comments.reload} />
      {comments.data &&
        (comments.data.items.length === 0 ? (
          <Empty>No comments yet.</Empty>
        ) : (
          <ul className="comment-list">
            {comments.data.items.map((comment) => (
              <CommentItem
                key={comment.id}
                comment={comment}
                reviewId={reviewId}
                onChange={comments.reload}
              />
            ))}
          </ul>
        ))}
      {comments.data?.hasMore && (
        <button type="button" className="link-button" onClick={() => setPages(pages + 1)}>
          More comments
        </button>
      )}
      {viewer && (
        <CommentForm reviewId={reviewId} label="Write a comment" onDone={comments.reload} />
      )}
    </div>
  );
}

import { useState } from 'react';
import { api, ok } from '../api/client';
import { useAuth } from '../auth/auth';
import { formatDate } from '../components/format';
import { Empty, ErrorNote, Loading, Pager, SignInPrompt } from '../components/status';
import { Link } from '../lib/router';
import { useAction, useAsync } from '../lib/useAsync';

const PAGE_SIZE = 20;

export function BookmarksPage() {
  const { viewer } = useAuth();
  const [page, setPage] = useState(1);
  const bookmarks = useAsync(async () => {
    if (!viewer) return undefined;
    return ok(api.GET('/api/v1/bookmarks', { params: { query: { page, pageSize: PAGE_SIZE } } }));
  }, [page, viewer?.id]);
  const remove = useAction(async (filmId: string) => {
    await ok(api.DELETE('/api/v1/bookmarks/{filmId}', { params: { path: { filmId } } }));
    bookmarks.reload();
  });

  if (!viewer)
    return (
      <>
        <h1>My bookmarks</h1>
        <SignInPrompt what="keep a list of films to watch" />
      </>
    );
  return (
    <>
      <h1>My bookmarks</h1>
      {bookmarks.loading && !bookmarks.data && <Loading />}
      <ErrorNote error={bookmarks.error ?? remove.error} retry={bookmarks.reload} />
      {bookmarks.data && bookmarks.data.items.length === 0 && (
        <Empty>
          Nothing bookmarked yet. <Link to="/search">Find a film</Link> and press “Bookmark”.
        </Empty>
      )}
      {bookmarks.data && bookmarks.data.items.length > 0 && (
        <ul className="rows">
          {bookmarks.data.items.map((bookmark) => (
            <li key={bookmark.filmId} className="row">
              <div className="row-main">
                <Link to={`/films/${bookmark.filmId}`} className="row-title">
                  {bookmark.title}
                </Link>
                <span className="hint">
                  {bookmark.year ?? ''} · saved {formatDate(bookmark.createdAt)}
                </span>
              </div>
              <button
                type="button"
                className="button ghost small"
                disabled={remove.pending}
                onClick={() => void remove.run(bookmark.filmId)}
                aria-label={`Remove ${bookmark.title} from bookmarks`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {bookmarks.data && <Pager page={page} hasMore={bookmarks.data.hasMore} onPage={setPage} />}
    </>
  );
}

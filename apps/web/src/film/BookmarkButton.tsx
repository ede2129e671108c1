import { api, ok } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorNote } from '../components/status';
import { navigate } from '../lib/router';
import { useAction, useAsync } from '../lib/useAsync';

/**
 * Engagement has no "is this one bookmarked" lookup, so the first page of the person's bookmarks
 * (100, newest first) tells; a film bookmarked longer ago shows as not bookmarked, and pressing
 * the button is still safe (bookmarking is idempotent).
 */
export function BookmarkButton({ filmId }: { filmId: string }) {
  const { viewer } = useAuth();
  const saved = useAsync(async () => {
    if (!viewer) return false;
    const page = await ok(
      api.GET('/api/v1/bookmarks', { params: { query: { page: 1, pageSize: 100 } } }),
    );
    return page.items.some((bookmark) => bookmark.filmId === filmId);
  }, [filmId, viewer?.id]);
  const toggle = useAction(async () => {
    if (saved.data) {
      await ok(api.DELETE('/api/v1/bookmarks/{filmId}', { params: { path: { filmId } } }));
      saved.setData(() => false);
    } else {
      await ok(api.POST('/api/v1/bookmarks', { body: { filmId } }));
      saved.setData(() => true);
    }
  });
  const on = saved.data === true;
  return (
    <>
      <button
        type="button"
        className={`button ${on ? 'secondary' : 'ghost'}`}
        aria-pressed={on}
        disabled={toggle.pending || (viewer !== undefined && saved.loading)}
        onClick={() => {
          if (!viewer) navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
          else void toggle.run();
        }}
      >
        <span aria-hidden="true">{on ? '★' : '☆'}</span> {on ? 'Bookmarked' : 'Bookmark'}
      </button>
      <ErrorNote error={toggle.error ?? saved.error} />
    </>
  );
}

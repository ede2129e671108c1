import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/auth';
import { ErrorNote } from '../components/status';
import { navigate } from '../lib/router';
import { useAction, useAsync } from '../lib/useAsync';

/** Whether the person bookmarked this film: one lookup of that bookmark, 404 meaning not. */
export function BookmarkButton({ filmId }: { filmId: string }) {
  const { viewer } = useAuth();
  const saved = useAsync(async () => {
    if (!viewer) return false;
    try {
      await ok(api.GET('/api/v1/bookmarks/{filmId}', { params: { path: { filmId } } }));
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false;
      throw error;
    }
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

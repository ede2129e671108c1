import { useAuth } from '../auth/auth';
import { formatDate } from '../components/format';
import { Empty, ErrorNote, Loading, SignInPrompt } from '../components/status';
import { Link } from '../lib/router';
import { useAction } from '../lib/useAsync';
import { useNotifications } from '../notifications/notifications';

export function NotificationsPage() {
  const { viewer } = useAuth();
  const feed = useNotifications();
  const markAll = useAction(feed.markAllRead);
  const markOne = useAction(feed.markRead);

  if (!viewer)
    return (
      <>
        <h1>Notifications</h1>
        <SignInPrompt what="see your notifications" />
      </>
    );
  return (
    <>
      <div className="section-head">
        <h1>Notifications</h1>
        <div className="actions">
          <span className={`live-dot ${feed.live ? 'on' : ''}`} role="status">
            {feed.live ? 'Live' : 'Connecting…'}
          </span>
          <button
            type="button"
            className="button ghost small"
            disabled={feed.unread === 0 || markAll.pending}
            onClick={() => void markAll.run()}
          >
            Mark all read
          </button>
        </div>
      </div>
      <ErrorNote error={feed.error ?? markAll.error ?? markOne.error} retry={feed.reload} />
      {feed.loading && feed.items.length === 0 && <Loading />}
      {!feed.loading && feed.items.length === 0 && !feed.error && (
        <Empty>No notifications yet.</Empty>
      )}
      <ul className="rows notifications" aria-live="polite">
        {feed.items.map((item) => (
          <li key={item.id} className={`row notification ${item.readAt ? 'read' : 'unread'}`}>
            <div className="row-main">
              <p className="row-title">
                {!item.readAt && <span className="visually-hidden">Unread: </span>}
                {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
              </p>
              <p>{item.body}</p>
              <span className="hint">
                <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
              </span>
            </div>
            {!item.readAt && (
              <button
                type="button"
                className="button ghost small"
                onClick={() => void markOne.run(item.id)}
                aria-label={`Mark “${item.title}” read`}
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

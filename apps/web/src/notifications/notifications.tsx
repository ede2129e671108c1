import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { api, ok, session } from '../api/client';
import type { Notification } from '../api/types';
import { useAuth } from '../auth/auth';

interface NotificationsValue {
  items: Notification[];
  unread: number;
  loading: boolean;
  error: unknown;
  /** Whether the live stream is connected. */
  live: boolean;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  reload(): void;
}

const NotificationsContext = createContext<NotificationsValue | undefined>(undefined);

const RECONNECT_MS = [1_000, 3_000, 10_000, 30_000];

/**
 * The signed-in person's feed: loaded once, then kept current by the server-sent event stream.
 * EventSource cannot send headers, so the access token goes in the query (the one route that
 * accepts it). The stream checks the token when it opens; when the connection drops, a new one
 * is opened with a fresh token (a refresh if needed), and the feed is reloaded so nothing sent
 * while disconnected is missed.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { viewer } = useAuth();
  const userId = viewer?.id;
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [live, setLive] = useState(false);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await ok(
        api.GET('/api/v1/notifications', {
          params: { query: { page: 1, pageSize: 50, unreadOnly: false } },
        }),
      );
      setItems(page.items);
      setUnread(page.unreadCount);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-opens the stream on demand
  useEffect(() => {
    if (!userId) {
      setItems([]);
      setUnread(0);
      return;
    }
    let stopped = false;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const open = async () => {
      const token = await session.accessToken().catch(() => undefined);
      if (stopped || !token) return;
      source = new EventSource(
        `/api/v1/notifications/stream?access_token=${encodeURIComponent(token)}`,
      );
      source.addEventListener('open', () => {
        attempt = 0;
        setLive(true);
        void load();
      });
      source.addEventListener('notification', (event) => {
        const notification = JSON.parse((event as MessageEvent<string>).data) as Notification;
        setItems((current) =>
          current.some((item) => item.id === notification.id)
            ? current
            : [notification, ...current],
        );
        if (!notification.readAt) setUnread((count) => count + 1);
      });
      source.addEventListener('error', () => {
        // EventSource retries by itself after a network blip, but gives up on an HTTP error
        // (say an expired token): then this opens a new one, with a fresh token.
        setLive(false);
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)];
        timer = setTimeout(() => void open(), delay);
      });
    };
    void load();
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      setLive(false);
    };
  }, [userId, load, version]);

  const value = useMemo<NotificationsValue>(
    () => ({
      items,
      unread,
      loading,
      error,
      live,
      async markRead(id) {
        const updated = await ok(
          api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }),
        );
        const wasUnread = items.some((item) => item.id === id && !item.readAt);
        setItems((current) => current.map((item) => (item.id === id ? updated : item)));
        if (wasUnread) setUnread((count) => Math.max(0, count - 1));
      },
      async markAllRead() {
        await ok(api.POST('/api/v1/notifications/read-all'));
        const now = new Date().toISOString();
        setItems((current) => current.map((item) => ({ ...item, readAt: item.readAt ?? now })));
        setUnread(0);
      },
      reload: () => setVersion((value) => value + 1),
    }),
    [items, unread, loading, error, live],
  );

  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}

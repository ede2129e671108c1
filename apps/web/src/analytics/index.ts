import { api, session } from '../api/client';
import { uuid } from '../lib/ids';
import { type ClientEvent, createPageViews, createTracker, type TrackedEvent } from './tracker';

function persistentId(storage: Storage, key: string): string {
  const existing = storage.getItem(key);
  if (existing) return existing;
  const id = uuid();
  storage.setItem(key, id);
  return id;
}

const ENDPOINT = '/api/v1/events';
const UNLOAD_CHUNK = 50;

/**
 * While the page lives, batches go through the API client (with the bearer token when signed in,
 * so the server records the user). As the page goes away there is no time for a token refresh:
 * a signed-in person's batch goes by `fetch(..., {keepalive: true})`, which may carry the
 * Authorization header and outlives the page; a guest's, or one whose token has expired, by
 * `navigator.sendBeacon`, which cannot set headers, so it arrives as a guest event (the anonymous
 * and session ids still tie it to the rest).
 */
function sendOnUnload(events: ClientEvent[]): void {
  const token = session.currentAccessToken();
  for (let start = 0; start < events.length; start += UNLOAD_CHUNK) {
    const body = JSON.stringify({ events: events.slice(start, start + UNLOAD_CHUNK) });
    const beacon = () =>
      navigator.sendBeacon(ENDPOINT, new Blob([body], { type: 'application/json' }));
    if (!token) {
      beacon();
      continue;
    }
    try {
      void fetch(ENDPOINT, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).catch(() => undefined);
    } catch {
      // keepalive's in-flight budget (64 KB) is spent: the beacon has its own.
      beacon();
    }
  }
}

export const tracker = createTracker({
  ids: {
    anonymousId: persistentId(localStorage, 'cinesync.anonymousId'),
    sessionId: persistentId(sessionStorage, 'cinesync.sessionId'),
  },
  newId: uuid,
  async send(events) {
    const { response, error } = await api.POST('/api/v1/events', { body: { events } });
    if (response.ok) return 'sent';
    if (response.status === 400 || response.status === 413) {
      // A bug in this app, not the reader's problem: report it in the console, drop the batch.
      console.warn('analytics refused a batch of events', error);
      return 'rejected';
    }
    return 'retry';
  },
  sendOnUnload,
});

export const pageViews = createPageViews((event) => tracker.track(event));

export function track(event: TrackedEvent): void {
  tracker.track(event);
}

/** Timer and page-lifecycle hooks; called once at start. */
export function startTracking(): void {
  setInterval(() => void tracker.flush(), 5_000);
  const away = () => {
    pageViews.hide();
    tracker.flushOnUnload();
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') away();
    else pageViews.show();
  });
  window.addEventListener('pagehide', away);
  window.addEventListener('pageshow', () => pageViews.show());
}

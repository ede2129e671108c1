import type { paths } from '../api/gen/schema';

type EventsBody = NonNullable<
  paths['/api/v1/events']['post']['requestBody']
>['content']['application/json'];

/** One clickstream event as the analytics API takes it. */
export type ClientEvent = Extract<EventsBody, { events: unknown }>['events'][number];

type Envelope = 'id' | 'occurredAt' | 'sessionId' | 'anonymousId';
type WithoutEnvelope<T> = T extends unknown ? Omit<T, Envelope> : never;
/** What a page reports; the tracker adds the id, time and session. */
export type TrackedEvent = WithoutEnvelope<ClientEvent>;

export type SendOutcome = 'sent' | 'rejected' | 'retry';

export interface TrackerOptions {
  /** Sends a batch while the page lives: 'rejected' drops it (invalid), 'retry' keeps it. */
  send(events: ClientEvent[]): Promise<SendOutcome>;
  /** Sends a batch as the page goes away; cannot wait for an answer. */
  sendOnUnload(events: ClientEvent[]): void;
  ids: { sessionId: string; anonymousId: string };
  newId: () => string;
  now?: () => number;
  /** Flush once this many events wait. */
  maxBatch?: number;
  /** Events kept while the server cannot take them; the oldest go first beyond this. */
  maxQueue?: number;
}

/**
 * Collects events and sends them in batches: when `maxBatch` are waiting, on a timer, and as the
 * page is hidden or closed (sendOnUnload). A batch the server refuses as invalid is dropped (and
 * logged), one it could not take is kept for the next flush; event ids make a resend harmless.
 */
export function createTracker(options: TrackerOptions) {
  const now = options.now ?? Date.now;
  const maxBatch = options.maxBatch ?? 20;
  const maxQueue = options.maxQueue ?? 1000;
  let queue: ClientEvent[] = [];
  let flushing: Promise<void> | undefined;

  function envelope(event: TrackedEvent): ClientEvent {
    return {
      ...event,
      id: options.newId(),
      occurredAt: new Date(now()).toISOString(),
      sessionId: options.ids.sessionId,
      anonymousId: options.ids.anonymousId,
    } as ClientEvent;
  }

  async function flushNow(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      const outcome = await options.send(batch).catch((): SendOutcome => 'retry');
      if (outcome === 'retry') return;
      queue = queue.slice(batch.length);
    }
  }

  const tracker = {
    track(event: TrackedEvent): void {
      queue.push(envelope(event));
      if (queue.length > maxQueue) queue = queue.slice(queue.length - maxQueue);
      if (queue.length >= maxBatch) void tracker.flush();
    },
    /** Sends what is waiting; concurrent calls share one flush. */
    flush(): Promise<void> {
      flushing ??= flushNow().finally(() => {
        flushing = undefined;
      });
      return flushing;
    },
    /** Hands everything waiting to sendOnUnload at once (the page may be gone next tick). */
    flushOnUnload(): void {
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      options.sendOnUnload(events);
    },
    pending: (): readonly ClientEvent[] => queue,
  };
  return tracker;
}

export type Tracker = ReturnType<typeof createTracker>;

/**
 * Time spent on each page, counted while the tab is visible. Leaving a page (another route, or
 * hiding the tab) reports a page_view with its dwell time; coming back starts a new view.
 */
export function createPageViews(
  report: (event: TrackedEvent) => void,
  now: () => number = Date.now,
) {
  let current: { page: string; filmId?: string; since: number } | undefined;
  let hidden = false;

  function leave(): void {
    if (!current || hidden) return;
    const dwellMs = Math.min(Math.max(0, Math.round(now() - current.since)), 86_400_000);
    report({
      type: 'page_view',
      page: current.page,
      dwellMs,
      ...(current.filmId ? { filmId: current.filmId } : {}),
    });
  }

  return {
    enter(page: string, filmId?: string): void {
      if (current && current.page === page && current.filmId === filmId) return;
      leave();
      current = { page, filmId, since: now() };
    },
    hide(): void {
      leave();
      hidden = true;
    },
    show(): void {
      if (!hidden) return;
      hidden = false;
      if (current) current.since = now();
    },
  };
}

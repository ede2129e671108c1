import { describe, expect, it } from 'vitest';
import {
  type ClientEvent,
  createPageViews,
  createTracker,
  type SendOutcome,
  type TrackedEvent,
} from './tracker';

function setup(outcomes: SendOutcome[] = []) {
  const sent: ClientEvent[][] = [];
  const unloaded: ClientEvent[][] = [];
  let id = 0;
  const tracker = createTracker({
    ids: { sessionId: 'session-1', anonymousId: 'anon-1' },
    newId: () => `id-${++id}`,
    now: () => Date.parse('2026-01-02T03:04:05.678Z'),
    maxBatch: 3,
    async send(events) {
      sent.push(events);
      return outcomes.shift() ?? 'sent';
    },
    sendOnUnload: (events) => unloaded.push(events),
  });
  return { tracker, sent, unloaded };
}

const click = (target: string): TrackedEvent => ({
  type: 'click',
  element: 'film-card',
  target,
  page: '/',
});

describe('tracker', () => {
  it('adds id, time and ids, and sends a batch once maxBatch events wait', async () => {
    const { tracker, sent } = setup();
    tracker.track(click('a'));
    tracker.track(click('b'));
    expect(sent).toEqual([]);
    tracker.track(click('c'));
    await tracker.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toEqual({
      ...click('a'),
      id: 'id-1',
      occurredAt: '2026-01-02T03:04:05.678Z',
      sessionId: 'session-1',
      anonymousId: 'anon-1',
    });
    expect(tracker.pending()).toEqual([]);
  });

  it('keeps a batch the server could not take, and drops one it refused as invalid', async () => {
    const { tracker, sent } = setup(['retry', 'rejected', 'sent']);
    tracker.track(click('a'));
    await tracker.flush();
    expect(tracker.pending()).toHaveLength(1);
    await tracker.flush();
    expect(tracker.pending()).toHaveLength(0);
    tracker.track(click('b'));
    await tracker.flush();
    expect(
      sent.map((batch) => batch.map((event) => event.type === 'click' && event.target)),
    ).toEqual([['a'], ['a'], ['b']]);
  });

  it('hands everything waiting to sendOnUnload when the page goes away', () => {
    const { tracker, unloaded } = setup();
    tracker.track(click('a'));
    tracker.track(click('b'));
    tracker.flushOnUnload();
    tracker.flushOnUnload();
    expect(unloaded.map((batch) => batch.length)).toEqual([2]);
    expect(tracker.pending()).toEqual([]);
  });
});

describe('page views', () => {
  it('reports each page with the time it was visible', () => {
    let now = 0;
    const views: TrackedEvent[] = [];
    const pages = createPageViews(
      (event) => views.push(event),
      () => now,
    );
    pages.enter('/');
    now = 1_000;
    pages.enter('/');
    now = 2_000;
    pages.enter('/films/:id', 'film-1');
    now = 5_000;
    pages.hide();
    now = 60_000;
    pages.show();
    now = 61_500;
    pages.enter('/search');
    expect(views).toEqual([
      { type: 'page_view', page: '/', dwellMs: 2_000 },
      { type: 'page_view', page: '/films/:id', dwellMs: 3_000, filmId: 'film-1' },
      { type: 'page_view', page: '/films/:id', dwellMs: 1_500, filmId: 'film-1' },
    ]);
  });
});

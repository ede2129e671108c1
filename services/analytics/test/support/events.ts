import { randomUUID } from 'node:crypto';
import type { AnalyticsEventsAcceptedV1, ClientEventV1 } from '@cinesync/contracts';
import type { OutgoingMessage } from '@cinesync/kit/bus';
import { type AcceptedEvent, messageId } from '../../src/index.js';

type Fields<T extends ClientEventV1['type']> = Omit<
  Extract<ClientEventV1, { type: T }>,
  'id' | 'type' | 'occurredAt' | 'sessionId' | 'anonymousId'
> &
  Partial<Pick<ClientEventV1, 'id' | 'occurredAt' | 'sessionId' | 'anonymousId'>>;

/** A valid client event of the given type; common fields filled in unless given. */
export function clientEvent<T extends ClientEventV1['type']>(
  type: T,
  fields: Fields<T>,
): ClientEventV1 {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    sessionId: 'session-1',
    anonymousId: 'anon-1',
    type,
    ...fields,
  } as unknown as ClientEventV1;
}

export function recorded(event: ClientEventV1, userId: string | null = null): AcceptedEvent {
  return { receivedAt: event.occurredAt, userId, event };
}

/** An `analytics.events.accepted` message as the ingest API would publish it. */
export function acceptedMessage(
  subject: string,
  events: ClientEventV1[],
  userId: string | null = null,
): OutgoingMessage & { payload: AnalyticsEventsAcceptedV1 } {
  const id = messageId(events.map((event) => event.id));
  const payload: AnalyticsEventsAcceptedV1 = {
    version: 1,
    receivedAt: new Date().toISOString(),
    userId,
    events,
  };
  return { subject, id, key: id, payload };
}

export const T0 = Date.parse('2025-03-10T10:00:00.000Z');
export const at = (minutes: number, ms = 0) => new Date(T0 + minutes * 60_000 + ms).toISOString();

/**
 * The small known dataset every query test reads; expectations in the tests follow from it.
 * Everything happens in the hour from T0, except one page view at T0 + 61 min.
 */
export function knownDataset(): AcceptedEvent[] {
  const u1 = (e: ClientEventV1) => recorded(e, 'u1');
  const anon = (id: string, e: ClientEventV1) => recorded({ ...e, anonymousId: id });
  return [
    u1(
      clientEvent('page_view', {
        page: '/films/f1',
        dwellMs: 1000,
        filmId: 'f1',
        occurredAt: at(0, 123),
      }),
    ),
    anon(
      'a2',
      clientEvent('page_view', {
        page: '/films/f1',
        dwellMs: 3000,
        filmId: 'f1',
        occurredAt: at(1),
      }),
    ),
    u1(
      clientEvent('page_view', {
        page: '/films/f2',
        dwellMs: 500,
        filmId: 'f2',
        occurredAt: at(1, 999),
      }),
    ),
    anon('a9', clientEvent('page_view', { page: '/', dwellMs: 2000, occurredAt: at(61) })),
    u1(
      clientEvent('video_complete', {
        filmId: 'f2',
        positionSec: 5400,
        durationSec: 5400,
        occurredAt: at(10),
      }),
    ),
    anon(
      'a2',
      clientEvent('video_complete', {
        filmId: 'f2',
        positionSec: 5390,
        durationSec: 5400,
        occurredAt: at(11),
      }),
    ),
    recorded(
      clientEvent('video_complete', {
        filmId: 'f1',
        positionSec: 100,
        durationSec: 100,
        occurredAt: at(12),
      }),
      'u3',
    ),
    u1(
      clientEvent('quality_change', { filmId: 'f1', from: '720p', to: '1080p', occurredAt: at(2) }),
    ),
    u1(
      clientEvent('quality_change', { filmId: 'f1', from: '720p', to: '1080p', occurredAt: at(3) }),
    ),
    u1(
      clientEvent('quality_change', {
        filmId: 'f1',
        from: '1080p',
        to: '480p',
        positionSec: 30,
        occurredAt: at(4),
      }),
    ),
    u1(
      clientEvent('search_filter', {
        filters: { genre: ['drama', 'comedy'], ratingMin: 7 },
        occurredAt: at(5),
      }),
    ),
    anon(
      'a2',
      clientEvent('search_filter', {
        filters: { genre: 'drama' },
        query: 'space',
        occurredAt: at(6),
      }),
    ),
    u1(
      clientEvent('click', {
        element: 'film-card',
        page: '/',
        target: '/films/f1',
        filmId: 'f1',
        occurredAt: at(7),
      }),
    ),
    u1(
      clientEvent('custom', {
        name: 'promo.shown',
        properties: { banner: 'spring', slot: 2 },
        occurredAt: at(8),
      }),
    ),
  ];
}

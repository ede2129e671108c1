import type { ClientEventV1 } from '@cinesync/contracts';
import type { EventRow } from '../repository/index.js';

/** One event of an `analytics.events.accepted` message, with what the message says about it. */
export interface AcceptedEvent {
  receivedAt: string;
  userId: string | null;
  event: ClientEventV1;
}

const EMPTY = {
  page: '',
  element: '',
  target: '',
  film_id: '',
  dwell_ms: 0,
  quality_from: '',
  quality_to: '',
  position_sec: 0,
  duration_sec: 0,
  search_query: '',
  filter_keys: [] as string[],
  filter_values: [] as string[],
  custom_name: '',
  properties: '',
};

type TypeColumns = Partial<typeof EMPTY>;

function splitTime(iso: string): { seconds: number; ms: number } {
  const time = Date.parse(iso);
  return { seconds: Math.floor(time / 1000), ms: ((time % 1000) + 1000) % 1000 };
}

/** Filters as (name, value) pairs, one per array item; sorted so a row is always written alike. */
function filterPairs(filters: Record<string, unknown>) {
  const keys: string[] = [];
  const values: string[] = [];
  for (const name of Object.keys(filters).sort()) {
    const value = filters[name];
    const items = Array.isArray(value) ? [...new Set(value.map(String))] : [String(value)];
    for (const item of items) {
      keys.push(name);
      values.push(item);
    }
  }
  return { filter_keys: keys, filter_values: values };
}

function typeColumns(event: ClientEventV1): TypeColumns {
  switch (event.type) {
    case 'click':
      return {
        element: event.element,
        target: event.target ?? '',
        page: event.page,
        film_id: event.filmId ?? '',
      };
    case 'page_view':
      return { page: event.page, dwell_ms: event.dwellMs, film_id: event.filmId ?? '' };
    case 'quality_change':
      return {
        film_id: event.filmId,
        quality_from: event.from,
        quality_to: event.to,
        position_sec: event.positionSec ?? 0,
      };
    case 'video_complete':
      return {
        film_id: event.filmId,
        position_sec: event.positionSec,
        duration_sec: event.durationSec,
      };
    case 'search_filter':
      return {
        ...filterPairs(event.filters),
        search_query: event.query ?? '',
        page: event.page ?? '',
      };
    case 'custom':
      return {
        custom_name: event.name,
        properties: JSON.stringify(event.properties ?? {}),
        page: event.page ?? '',
      };
  }
}

/** One accepted event → one table row. Pure: a redelivered event yields an identical row. */
export function toRow(accepted: AcceptedEvent): EventRow {
  const { event } = accepted;
  const occurred = splitTime(event.occurredAt);
  return {
    ...EMPTY,
    ...typeColumns(event),
    event_id: event.id,
    event_type: event.type,
    occurred_at: occurred.seconds,
    occurred_ms: occurred.ms,
    received_at: splitTime(accepted.receivedAt).seconds,
    user_id: accepted.userId ?? '',
    anonymous_id: event.anonymousId,
    session_id: event.sessionId,
  };
}

import type { ClientEventV1 } from '@cinesync/contracts';
import type { EventRow } from '../repository/index.js';

/** One event of an `analytics.events.accepted` message, with what the message says about it. */
export interface AcceptedEvent {
  receivedAt: string;
  userId: string | null;
  event: ClientEventV1;
}

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
  return { keys, values };
}

/**
 * One accepted event → one table row. Pure: a redelivered event yields an identical row.
 *
 * Every row starts as the same literal with all columns empty and gets its type's columns by
 * assignment: one object shape for all rows, which made this several times cheaper than
 * spreading partial objects together (it runs for every event the ETL moves).
 */
export function toRow(accepted: AcceptedEvent): EventRow {
  const { event } = accepted;
  const occurred = splitTime(event.occurredAt);
  const row: EventRow = {
    event_id: event.id,
    event_type: event.type,
    occurred_at: occurred.seconds,
    occurred_ms: occurred.ms,
    received_at: splitTime(accepted.receivedAt).seconds,
    user_id: accepted.userId ?? '',
    anonymous_id: event.anonymousId,
    session_id: event.sessionId,
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
    filter_keys: [],
    filter_values: [],
    custom_name: '',
    properties: '',
  };
  switch (event.type) {
    case 'click':
      row.element = event.element;
      row.target = event.target ?? '';
      row.page = event.page;
      row.film_id = event.filmId ?? '';
      break;
    case 'page_view':
      row.page = event.page;
      row.dwell_ms = event.dwellMs;
      row.film_id = event.filmId ?? '';
      break;
    case 'quality_change':
      row.film_id = event.filmId;
      row.quality_from = event.from;
      row.quality_to = event.to;
      row.position_sec = event.positionSec ?? 0;
      break;
    case 'video_complete':
      row.film_id = event.filmId;
      row.position_sec = event.positionSec;
      row.duration_sec = event.durationSec;
      break;
    case 'search_filter': {
      const pairs = filterPairs(event.filters);
      row.filter_keys = pairs.keys;
      row.filter_values = pairs.values;
      row.search_query = event.query ?? '';
      row.page = event.page ?? '';
      break;
    }
    case 'custom':
      row.custom_name = event.name;
      row.properties = JSON.stringify(event.properties ?? {});
      row.page = event.page ?? '';
      break;
  }
  return row;
}

import { AnalyticsEventsAcceptedV1, ClientEventV1 } from '@cinesync/contracts';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import type { EventRow } from '../repository/index.js';
import { toRow } from './rows.js';

/** An event of a message that can be inserted, with its place in the message. */
export interface UnpackedRow {
  index: number;
  eventId: string;
  row: EventRow;
}

/** An event of a message that can never be inserted, and why. */
export interface RefusedEvent {
  index: number;
  value: unknown;
  reason: string;
}

export type Unpacked =
  | {
      ok: true;
      receivedAt: string;
      userId: string | null;
      rows: UnpackedRow[];
      refused: RefusedEvent[];
    }
  | { ok: false; reason: string };

// Compiled: the ETL checks every event it moves, so the check has to be cheap.
const wholeMessage = Compile(AnalyticsEventsAcceptedV1);
const envelope = Compile(Type.Omit(AnalyticsEventsAcceptedV1, ['events']));
const clientEvent = Compile(ClientEventV1);

/**
 * Checks an `analytics.events.accepted` v1 payload event by event, so one bad event costs only
 * itself: a message whose envelope is broken is refused whole, otherwise every valid event
 * becomes a row and every other one is listed as refused.
 */
export function unpack(payload: unknown): Unpacked {
  if (wholeMessage.Check(payload)) {
    const { receivedAt, userId, events } = payload;
    const rows = events.map((event, index) => ({
      index,
      eventId: event.id,
      row: toRow({ receivedAt, userId, event }),
    }));
    return { ok: true, receivedAt, userId, rows, refused: [] };
  }
  if (!envelope.Check(payload)) {
    return { ok: false, reason: 'payload is not an analytics.events.accepted v1 message' };
  }
  const { receivedAt, userId } = payload;
  const events: unknown = (payload as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) {
    return { ok: false, reason: 'payload has no events array' };
  }
  const rows: UnpackedRow[] = [];
  const refused: RefusedEvent[] = [];
  events.forEach((value: unknown, index) => {
    if (clientEvent.Check(value)) {
      rows.push({ index, eventId: value.id, row: toRow({ receivedAt, userId, event: value }) });
    } else {
      refused.push({ index, value, reason: `event ${index} is invalid: ${problems(value)}` });
    }
  });
  return { ok: true, receivedAt, userId, rows, refused };
}

function problems(value: unknown): string {
  const first = [...Value.Errors(ClientEventV1, value)].slice(0, 3);
  return first.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');
}

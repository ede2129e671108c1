import {
  CLIENT_EVENT_TYPES,
  ClientEventSchemas,
  type ClientEventType,
  type ClientEventV1,
} from '@cinesync/contracts';
import type { FieldError } from '@cinesync/kit/http';
import { Compile } from 'typebox/compile';
import { schemaErrors } from './schema-errors.js';

export interface IngestLimits {
  /** Most events in one request. */
  maxBatch: number;
  /** Most bytes of one event, serialized as JSON. */
  maxEventBytes: number;
}

export type Validation =
  /** `bytes[i]`: the size of `events[i]` as JSON, which the ingestor splits messages by. */
  { ok: true; events: ClientEventV1[]; bytes: number[] } | { ok: false; errors: FieldError[] };

/** DateTime columns end in 2105; anything before 2000 is a broken client clock. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEventType(value: unknown): value is ClientEventType {
  return typeof value === 'string' && (CLIENT_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Compiled checkers, one per type: about ten times faster than interpreting the schema, which
 * made validation the largest cost of ingest. TypeBox's slower error walk runs only for an event
 * that fails the check, to say why.
 */
const checkers: Record<ClientEventType, { Check(value: unknown): boolean }> = {
  click: Compile(ClientEventSchemas.click),
  page_view: Compile(ClientEventSchemas.page_view),
  quality_change: Compile(ClientEventSchemas.quality_change),
  video_complete: Compile(ClientEventSchemas.video_complete),
  search_filter: Compile(ClientEventSchemas.search_filter),
  custom: Compile(ClientEventSchemas.custom),
};

/** Every problem of one event, as fields under `path` (e.g. `/body/events/3`). */
function eventErrors(
  event: unknown,
  bytes: number,
  path: string,
  limits: IngestLimits,
  now: number,
): FieldError[] {
  if (!isObject(event)) return [{ field: path, message: 'must be an event object' }];
  const errors: FieldError[] = [];
  if (bytes > limits.maxEventBytes) {
    errors.push({ field: path, message: `is ${bytes} bytes; at most ${limits.maxEventBytes}` });
  }
  const type = event.type;
  if (!isEventType(type)) {
    errors.push({
      field: `${path}/type`,
      message: `must be one of ${CLIENT_EVENT_TYPES.join(', ')}`,
    });
    return errors;
  }
  const schema = ClientEventSchemas[type];
  if (!checkers[type].Check(event)) errors.push(...schemaErrors(schema, event, path));
  // The shared schema tolerates extra fields (for consumers); clients get told about typos.
  for (const key of Object.keys(event)) {
    if (!(key in schema.properties)) {
      errors.push({ field: `${path}/${key}`, message: `is not a field of ${type} events` });
    }
  }
  const at = typeof event.occurredAt === 'string' ? Date.parse(event.occurredAt) : Number.NaN;
  if (Number.isFinite(at) && (at < EARLIEST || at > now + CLOCK_SKEW_MS)) {
    errors.push({
      field: `${path}/occurredAt`,
      message: 'must be after 2000-01-01 and at most 24 hours ahead of the server clock',
    });
  }
  return errors;
}

/**
 * Checks a request body: one event, or `{events: [...]}`. All or nothing: any problem rejects the
 * whole request and every problem is listed, by event index and field, so the client can fix and
 * resend the batch (the event ids make resending safe).
 */
export function validateIngestBody(
  body: unknown,
  limits: IngestLimits,
  now = Date.now(),
): Validation {
  if (!isObject(body)) {
    return {
      ok: false,
      errors: [{ field: '/body', message: 'must be an event or {"events": [...]}' }],
    };
  }
  if (!('events' in body)) {
    const bytes = jsonBytes(body);
    const errors = eventErrors(body, bytes, '/body', limits, now);
    return errors.length > 0
      ? { ok: false, errors }
      : { ok: true, events: [body as ClientEventV1], bytes: [bytes] };
  }

  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'events') errors.push({ field: `/body/${key}`, message: 'is not allowed here' });
  }
  const { events } = body;
  if (!Array.isArray(events)) {
    return {
      ok: false,
      errors: [...errors, { field: '/body/events', message: 'must be an array' }],
    };
  }
  if (events.length === 0 || events.length > limits.maxBatch) {
    const message = `must hold 1 to ${limits.maxBatch} events, got ${events.length}`;
    return { ok: false, errors: [...errors, { field: '/body/events', message }] };
  }
  const firstIndexOfId = new Map<unknown, number>();
  const bytes = events.map(jsonBytes);
  events.forEach((event, index) => {
    const path = `/body/events/${index}`;
    errors.push(...eventErrors(event, bytes[index] ?? 0, path, limits, now));
    if (!isObject(event) || typeof event.id !== 'string') return;
    const first = firstIndexOfId.get(event.id);
    if (first === undefined) firstIndexOfId.set(event.id, index);
    // The second would be de-duplicated away; if it differs, that would lose it silently.
    else errors.push({ field: `${path}/id`, message: `repeats the id of event ${first}` });
  });
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, events: events as ClientEventV1[], bytes };
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '');
}

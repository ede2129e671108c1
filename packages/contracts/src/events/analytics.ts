import { type Static, Type } from 'typebox';
import { defineEvent } from './define.js';

/**
 * Clickstream events as clients send them to `POST /api/v1/events`, and the bus event the
 * analytics service publishes for each accepted request. The client's event id is the
 * de-duplication key all the way down: the bus message id is derived from the ids it carries, and
 * the event id is the ClickHouse row's identity.
 *
 * Event objects tolerate extra fields, so a consumer keeps working when a producer adds one; the
 * ingest API is stricter and refuses fields it does not know, so a client's typo is reported
 * instead of silently dropped.
 */

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

/** Property and filter names: short identifiers, so they stay readable as columns in reports. */
const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]{0,63}$';

const base = {
  id: Type.String({ format: 'uuid', description: 'Client-generated UUID; resending it is safe' }),
  occurredAt: Type.String({
    format: 'date-time',
    description: 'When it happened on the client (ISO 8601, milliseconds kept)',
  }),
  sessionId: Text(128, 'Client session id'),
  anonymousId: Text(128, 'Stable id of the browser/device, also for guests'),
};

const filmId = Text(64, 'Catalog film id');

export const ClickEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('click'),
    element: Text(128, 'Kind of element: film-card, trailer, category, nav-button, ...'),
    target: Type.Optional(Text(512, 'What the element points at: an id or a path')),
    page: Text(512, 'Page path the click happened on'),
    filmId: Type.Optional(filmId),
  },
  { title: 'click' },
);

export const PageViewEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('page_view'),
    page: Text(512, 'Page path, e.g. /films/42'),
    dwellMs: Type.Integer({ minimum: 0, maximum: 86_400_000, description: 'Time on the page' }),
    filmId: Type.Optional(filmId),
  },
  { title: 'page_view' },
);

export const QualityChangeEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('quality_change'),
    filmId,
    from: Text(16, 'Resolution before, e.g. 720p'),
    to: Text(16, 'Resolution after, e.g. 1080p'),
    positionSec: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400 })),
  },
  { title: 'quality_change' },
);

export const VideoCompleteEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('video_complete'),
    filmId,
    positionSec: Type.Number({ minimum: 0, maximum: 86_400 }),
    durationSec: Type.Number({ exclusiveMinimum: 0, maximum: 86_400 }),
  },
  { title: 'video_complete' },
);

const FilterValue = Type.Union([
  Type.String({ maxLength: 128 }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 128 }), { maxItems: 20 }),
]);

export const SearchFilterEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('search_filter'),
    filters: Type.Record(Type.String({ pattern: NAME_PATTERN }), FilterValue, {
      minProperties: 1,
      maxProperties: 32,
      additionalProperties: false,
      description: 'Applied filters, e.g. {"genre": ["drama"], "ratingMin": 7}',
    }),
    query: Type.Optional(Type.String({ maxLength: 256 })),
    page: Type.Optional(Text(512)),
  },
  { title: 'search_filter' },
);

const PropertyValue = Type.Union([
  Type.String({ maxLength: 1024 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

export const CustomEventV1 = Type.Object(
  {
    ...base,
    type: Type.Literal('custom'),
    name: Type.String({
      pattern: NAME_PATTERN,
      description: 'Event name, e.g. promo.banner_shown',
    }),
    properties: Type.Optional(
      Type.Record(Type.String({ pattern: NAME_PATTERN }), PropertyValue, {
        maxProperties: 50,
        additionalProperties: false,
      }),
    ),
    page: Type.Optional(Text(512)),
  },
  { title: 'custom' },
);

/** Each client event type and its schema; the ingest API validates against the one `type` names. */
export const ClientEventSchemas = {
  click: ClickEventV1,
  page_view: PageViewEventV1,
  quality_change: QualityChangeEventV1,
  video_complete: VideoCompleteEventV1,
  search_filter: SearchFilterEventV1,
  custom: CustomEventV1,
} as const;

export type ClientEventType = keyof typeof ClientEventSchemas;
export const CLIENT_EVENT_TYPES = Object.keys(ClientEventSchemas) as ClientEventType[];

export const ClientEventV1 = Type.Union(
  [
    ClickEventV1,
    PageViewEventV1,
    QualityChangeEventV1,
    VideoCompleteEventV1,
    SearchFilterEventV1,
    CustomEventV1,
  ],
  { title: 'ClientEvent' },
);
export type ClientEventV1 = Static<typeof ClientEventV1>;

/**
 * The events of one accepted ingest request, as the ingest API puts them on the bus: one message
 * per request (a request too large for one message is split into several), so the bus stores and
 * acknowledges hundreds of events at once instead of one by one.
 *
 * Message id: the sha256 of the message's event ids, sorted, so a client resending the identical
 * batch is stored once by the bus; any other overlap is collapsed downstream by event id. Key: the
 * message id (events carry their own times; nothing downstream depends on their order). The user
 * id comes from the caller's verified token (never from the body); null for guests.
 */
export const AnalyticsEventsAcceptedV1 = Type.Object(
  {
    version: Type.Literal(1),
    receivedAt: Type.String({ format: 'date-time' }),
    userId: Type.Union([Type.String({ minLength: 1, maxLength: 128 }), Type.Null()]),
    events: Type.Array(ClientEventV1, { minItems: 1 }),
  },
  { title: 'analytics.events.accepted v1' },
);
export type AnalyticsEventsAcceptedV1 = Static<typeof AnalyticsEventsAcceptedV1>;

export const analyticsEventsAccepted = defineEvent(
  'analytics.events.accepted',
  1,
  AnalyticsEventsAcceptedV1,
);

/**
 * One accepted client event per message: what the ingest API published before
 * `analytics.events.accepted`. No longer published (one bus round trip per event was the ingest
 * bottleneck); kept so the format of older messages stays documented and checkable.
 *
 * @deprecated publish and consume `analytics.events.accepted` v1.
 */
export const AnalyticsEventRecordedV1 = Type.Object(
  {
    version: Type.Literal(1),
    receivedAt: Type.String({ format: 'date-time' }),
    userId: Type.Union([Type.String({ minLength: 1, maxLength: 128 }), Type.Null()]),
    event: ClientEventV1,
  },
  { title: 'analytics.event.recorded v1' },
);
export type AnalyticsEventRecordedV1 = Static<typeof AnalyticsEventRecordedV1>;

export const analyticsEventRecorded = defineEvent(
  'analytics.event.recorded',
  1,
  AnalyticsEventRecordedV1,
);

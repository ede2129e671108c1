import { CLIENT_EVENT_TYPES } from '@cinesync/contracts';
import { requireRole } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { AnalyticsQueries } from '../queries/analytics-queries.js';

const Range = {
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Inclusive; default 24 h before `to`' }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive; default now' })),
};
const Limit = Type.Integer({ minimum: 1, maximum: 1000, default: 10 });
const EventType = Type.Union(CLIENT_EVENT_TYPES.map((type) => Type.Literal(type)));
const Count = Type.Integer({ minimum: 0 });
const RangeOut = { from: Type.String(), to: Type.String() };

const common = {
  tags: ['analytics'],
  security: [{ bearerAuth: [] }],
} as const;

/** Admin reports. Thin: parse, call the queries module, return. */
export function registerQueryRoutes(server: Server, queries: AnalyticsQueries): void {
  const admin = { onRequest: requireRole('admin') };

  server.get(
    '/api/v1/analytics/events-over-time',
    {
      ...admin,
      schema: {
        ...common,
        summary:
          'Event counts per time bucket and type (every bucket of the range, empty ones too)',
        querystring: Type.Object(
          {
            interval: Type.Union(
              [Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day')],
              {
                default: 'hour',
              },
            ),
            type: Type.Optional(EventType),
            ...Range,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            interval: Type.String(),
            ...RangeOut,
            types: Type.Array(Type.String()),
            buckets: Type.Array(
              Type.Object({
                at: Type.String(),
                total: Count,
                byType: Type.Record(Type.String(), Count),
              }),
            ),
          }),
        },
      },
    },
    async (request) => queries.eventsOverTime(request.query),
  );

  server.get(
    '/api/v1/analytics/top-films',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Films with the most views (film page views) or completions',
        querystring: Type.Object(
          {
            by: Type.Union([Type.Literal('views'), Type.Literal('completions')], {
              default: 'views',
            }),
            limit: Limit,
            ...Range,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            by: Type.String(),
            ...RangeOut,
            films: Type.Array(
              Type.Object({
                filmId: Type.String(),
                views: Count,
                completions: Count,
                viewers: Count,
              }),
            ),
          }),
        },
      },
    },
    async (request) => queries.topFilms(request.query),
  );

  server.get(
    '/api/v1/analytics/dwell-by-page',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Average time on page, for the most viewed pages',
        querystring: Type.Object({ limit: Limit, ...Range }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            ...RangeOut,
            pages: Type.Array(
              Type.Object({ page: Type.String(), views: Count, avgDwellMs: Type.Number() }),
            ),
          }),
        },
      },
    },
    async (request) => queries.dwellByPage(request.query),
  );

  server.get(
    '/api/v1/analytics/quality-changes',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Video quality changes as a from → to matrix (non-zero cells)',
        querystring: Type.Object({ ...Range }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            ...RangeOut,
            qualities: Type.Array(Type.String()),
            changes: Type.Array(
              Type.Object({ from: Type.String(), to: Type.String(), count: Count }),
            ),
          }),
        },
      },
    },
    async (request) => queries.qualityChanges(request.query),
  );

  server.get(
    '/api/v1/analytics/search-filters',
    {
      ...admin,
      schema: {
        ...common,
        summary: 'Most used search filters (name = value pairs)',
        querystring: Type.Object(
          {
            limit: Limit,
            name: Type.Optional(
              Type.String({
                pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,63}$',
                description: 'Only this filter',
              }),
            ),
            ...Range,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ...RangeOut,
            filters: Type.Array(
              Type.Object({ name: Type.String(), value: Type.String(), uses: Count }),
            ),
          }),
        },
      },
    },
    async (request) => queries.searchFilters(request.query),
  );
}

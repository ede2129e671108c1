import { CLIENT_EVENT_TYPES, type ClientEventType } from '@cinesync/contracts';
import { validation } from '@cinesync/kit/http';
import type { AnalyticsRepository, Interval, TimeRange } from '../repository/index.js';

/** A chart never needs more points than this; beyond it the caller should pick a wider interval. */
export const MAX_BUCKETS = 10_000;
export const DEFAULT_RANGE_MS = 24 * 60 * 60 * 1000;

const INTERVAL_SECONDS: Record<Interval, number> = { minute: 60, hour: 3600, day: 86_400 };

export interface RangeParams {
  from?: string;
  to?: string;
}

/** `to` defaults to now and `from` to 24 hours before `to`; from must come before to. */
export function resolveRange(params: RangeParams, now: Date): TimeRange {
  const to = params.to ? new Date(params.to) : now;
  const from = params.from ? new Date(params.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() >= to.getTime()) {
    throw validation([{ field: '/query/from', message: 'must be before to' }]);
  }
  return { from, to };
}

export interface EventsOverTimeBucket {
  at: string;
  total: number;
  byType: Partial<Record<ClientEventType, number>>;
}

/** Admin reports over the events table: parameter rules and response shaping, no SQL. */
export function createAnalyticsQueries(
  repository: AnalyticsRepository,
  now: () => Date = () => new Date(),
) {
  return {
    async eventsOverTime(params: RangeParams & { interval: Interval; type?: ClientEventType }) {
      const range = resolveRange(params, now());
      const step = INTERVAL_SECONDS[params.interval];
      const first = Math.floor(range.from.getTime() / 1000 / step) * step;
      const end = Math.ceil(range.to.getTime() / 1000);
      const buckets = Math.ceil((end - first) / step);
      if (buckets > MAX_BUCKETS) {
        throw validation([
          {
            field: '/query/interval',
            message: `gives ${buckets} buckets over this range; at most ${MAX_BUCKETS} (pick a wider interval or a shorter range)`,
          },
        ]);
      }
      const counts = await repository.eventsOverTime({
        ...range,
        interval: params.interval,
        ...(params.type ? { type: params.type } : {}),
      });
      // Every bucket of the range, empty ones included, so a chart needs no gap filling.
      const byStart = new Map<number, EventsOverTimeBucket>();
      const series: EventsOverTimeBucket[] = [];
      for (let at = first; at < end; at += step) {
        const bucket = { at: new Date(at * 1000).toISOString(), total: 0, byType: {} };
        byStart.set(at, bucket);
        series.push(bucket);
      }
      for (const count of counts) {
        const bucket = byStart.get(count.at.getTime() / 1000);
        if (!bucket) continue;
        bucket.total += count.count;
        bucket.byType[count.type] = (bucket.byType[count.type] ?? 0) + count.count;
      }
      return {
        interval: params.interval,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        types: params.type ? [params.type] : CLIENT_EVENT_TYPES,
        buckets: series,
      };
    },

    async topFilms(params: RangeParams & { by: 'views' | 'completions'; limit: number }) {
      const range = resolveRange(params, now());
      const films = await repository.topFilms({ ...range, by: params.by, limit: params.limit });
      return { by: params.by, from: range.from.toISOString(), to: range.to.toISOString(), films };
    },

    async dwellByPage(params: RangeParams & { limit: number }) {
      const range = resolveRange(params, now());
      const pages = await repository.dwellByPage({ ...range, limit: params.limit });
      return { from: range.from.toISOString(), to: range.to.toISOString(), pages };
    },

    async qualityChanges(params: RangeParams) {
      const range = resolveRange(params, now());
      const changes = await repository.qualityChanges(range);
      const qualities = [...new Set(changes.flatMap((change) => [change.from, change.to]))].sort(
        (a, b) => a.localeCompare(b, 'en', { numeric: true }),
      );
      return { from: range.from.toISOString(), to: range.to.toISOString(), qualities, changes };
    },

    async searchFilters(params: RangeParams & { limit: number; name?: string }) {
      const range = resolveRange(params, now());
      const filters = await repository.searchFilters({
        ...range,
        limit: params.limit,
        ...(params.name ? { name: params.name } : {}),
      });
      return { from: range.from.toISOString(), to: range.to.toISOString(), filters };
    },
  };
}

export type AnalyticsQueries = ReturnType<typeof createAnalyticsQueries>;

import type { ClientEventType } from '@cinesync/contracts';

/** One row of the `events` table: every event type flattened, unused columns empty or 0. */
export interface EventRow {
  event_id: string;
  event_type: ClientEventType;
  /** Unix seconds (UTC) plus the milliseconds the DateTime column cannot hold. */
  occurred_at: number;
  occurred_ms: number;
  received_at: number;
  /** Empty for guests. */
  user_id: string;
  anonymous_id: string;
  session_id: string;
  page: string;
  element: string;
  target: string;
  film_id: string;
  dwell_ms: number;
  quality_from: string;
  quality_to: string;
  position_sec: number;
  duration_sec: number;
  search_query: string;
  /** Parallel arrays: filter name and one value (an array filter gives one pair per item). */
  filter_keys: string[];
  filter_values: string[];
  custom_name: string;
  /** The custom event's properties as JSON text. */
  properties: string;
}

export type Interval = 'minute' | 'hour' | 'day';

export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface CountByBucket {
  /** Start of the bucket. */
  at: Date;
  type: ClientEventType;
  count: number;
}

export interface FilmStats {
  filmId: string;
  views: number;
  completions: number;
  /** Distinct users (or anonymous ids for guests) who viewed or completed the film. */
  viewers: number;
}

export interface PageDwell {
  page: string;
  views: number;
  avgDwellMs: number;
}

export interface QualityChangeCount {
  from: string;
  to: string;
  count: number;
}

export interface FilterUse {
  name: string;
  value: string;
  uses: number;
}

export interface StoredCounts {
  /** Rows as stored, duplicates from redelivery included until the engine merges them away. */
  rows: number;
  /** Distinct events: what every query counts. */
  events: number;
}

/**
 * Every read and write of the analytics store. Queries count each event id once however often it
 * was inserted (the table is a ReplacingMergeTree on the event id; reads use FINAL).
 */
export interface AnalyticsRepository {
  readonly engine: 'chdb' | 'clickhouse';
  insertEvents(rows: readonly EventRow[]): Promise<void>;
  eventsOverTime(
    query: TimeRange & { interval: Interval; type?: ClientEventType },
  ): Promise<CountByBucket[]>;
  topFilms(query: TimeRange & { by: 'views' | 'completions'; limit: number }): Promise<FilmStats[]>;
  dwellByPage(query: TimeRange & { limit: number }): Promise<PageDwell[]>;
  qualityChanges(query: TimeRange): Promise<QualityChangeCount[]>;
  searchFilters(query: TimeRange & { limit: number; name?: string }): Promise<FilterUse[]>;
  counts(): Promise<StoredCounts>;
  /** Resolves when the engine answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

import type { ClientEventType } from '@cinesync/contracts';
import type { SqlEngine } from './engine.js';
import { dateTimeLiteral, identifier, integerLiteral, stringLiteral, toNumber } from './sql.js';
import type { AnalyticsRepository, Interval, TimeRange } from './types.js';

/**
 * The events table. Written to run unchanged on ClickHouse 18.16 (Debian's package) and on chDB
 * 26: no LowCardinality (experimental in 18.16), no DateTime64 (so a separate ms column), no Map
 * (parallel arrays), no insert_deduplication_token.
 *
 * Exactly-once effect: ReplacingMergeTree collapses rows with equal sorting keys, and the sorting
 * key ends with the event id. A redelivered event is the same bus message, so its day and type
 * (the key's other parts, which also pick the partition) are the same, and every query reads with
 * FINAL, which collapses duplicates that background merges have not reached yet.
 */
function createTable(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
  event_id String,
  event_type String,
  occurred_at DateTime('UTC'),
  occurred_ms UInt16,
  received_at DateTime('UTC'),
  user_id String,
  anonymous_id String,
  session_id String,
  page String,
  element String,
  target String,
  film_id String,
  dwell_ms UInt32,
  quality_from String,
  quality_to String,
  position_sec Float64,
  duration_sec Float64,
  search_query String,
  filter_keys Array(String),
  filter_values Array(String),
  custom_name String,
  properties String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (toDate(occurred_at), event_type, event_id)`;
}

const BUCKET: Record<Interval, string> = {
  minute: 'toStartOfMinute',
  hour: 'toStartOfHour',
  day: 'toStartOfDay',
};

function within({ from, to }: TimeRange): string {
  return `occurred_at >= ${dateTimeLiteral(from)} AND occurred_at < ${dateTimeLiteral(to)}`;
}

/** Creates the database and table if missing, and returns the repository over them. */
export async function createRepository(
  engine: SqlEngine,
  database: string,
): Promise<AnalyticsRepository> {
  const db = identifier(database);
  const events = `${db}.events`;
  await engine.command(`CREATE DATABASE IF NOT EXISTS ${db}`);
  await engine.command(createTable(events));

  return {
    engine: engine.name,

    insertEvents: (rows) => engine.insert(events, rows),

    async eventsOverTime(query) {
      const type = query.type ? ` AND event_type = ${stringLiteral(query.type)}` : '';
      const rows = await engine.select<{ at: unknown; type: ClientEventType; events: unknown }>(
        `SELECT toUnixTimestamp(${BUCKET[query.interval]}(occurred_at)) AS at,
                event_type AS type, count() AS events
         FROM ${events} FINAL
         WHERE ${within(query)}${type}
         GROUP BY at, type
         ORDER BY at, type`,
      );
      return rows.map((row) => ({
        at: new Date(toNumber(row.at) * 1000),
        type: row.type,
        count: toNumber(row.events),
      }));
    },

    async topFilms(query) {
      const order = query.by === 'views' ? 'views' : 'completions';
      const rows = await engine.select<{
        film_id: string;
        views: unknown;
        completions: unknown;
        viewers: unknown;
      }>(
        `SELECT film_id,
                countIf(event_type = 'page_view') AS views,
                countIf(event_type = 'video_complete') AS completions,
                uniqExact(if(user_id != '', concat('u:', user_id), concat('a:', anonymous_id))) AS viewers
         FROM ${events} FINAL
         WHERE film_id != '' AND event_type IN ('page_view', 'video_complete') AND ${within(query)}
         GROUP BY film_id
         HAVING ${order} > 0
         ORDER BY ${order} DESC, film_id
         LIMIT ${integerLiteral(query.limit)}`,
      );
      return rows.map((row) => ({
        filmId: row.film_id,
        views: toNumber(row.views),
        completions: toNumber(row.completions),
        viewers: toNumber(row.viewers),
      }));
    },

    async dwellByPage(query) {
      const rows = await engine.select<{ page: string; views: unknown; avg_dwell_ms: unknown }>(
        `SELECT page, count() AS views, avg(dwell_ms) AS avg_dwell_ms
         FROM ${events} FINAL
         WHERE event_type = 'page_view' AND ${within(query)}
         GROUP BY page
         ORDER BY views DESC, page
         LIMIT ${integerLiteral(query.limit)}`,
      );
      return rows.map((row) => ({
        page: row.page,
        views: toNumber(row.views),
        avgDwellMs: toNumber(row.avg_dwell_ms),
      }));
    },

    async qualityChanges(query) {
      const rows = await engine.select<{ from_q: string; to_q: string; changes: unknown }>(
        `SELECT quality_from AS from_q, quality_to AS to_q, count() AS changes
         FROM ${events} FINAL
         WHERE event_type = 'quality_change' AND ${within(query)}
         GROUP BY from_q, to_q
         ORDER BY changes DESC, from_q, to_q
         LIMIT 1000`,
      );
      return rows.map((row) => ({
        from: row.from_q,
        to: row.to_q,
        count: toNumber(row.changes),
      }));
    },

    async searchFilters(query) {
      const name = query.name ? ` AND name = ${stringLiteral(query.name)}` : '';
      const rows = await engine.select<{ name: string; value: string; uses: unknown }>(
        `SELECT name, value, count() AS uses
         FROM ${events} FINAL
         ARRAY JOIN filter_keys AS name, filter_values AS value
         WHERE event_type = 'search_filter' AND ${within(query)}${name}
         GROUP BY name, value
         ORDER BY uses DESC, name, value
         LIMIT ${integerLiteral(query.limit)}`,
      );
      return rows.map((row) => ({ name: row.name, value: row.value, uses: toNumber(row.uses) }));
    },

    async counts() {
      const [raw] = await engine.select<{ n: unknown }>(`SELECT count() AS n FROM ${events}`);
      const [final] = await engine.select<{ n: unknown }>(
        `SELECT count() AS n FROM ${events} FINAL`,
      );
      return { rows: toNumber(raw?.n ?? 0), events: toNumber(final?.n ?? 0) };
    },

    ping: () => engine.ping(),
    close: () => engine.close(),
  };
}

// The checklist's workload, made deterministic so that every engine holds the same rows and the
// aggregation results can be compared across engines: row n (0-based) is
//   event_time = 2025-01-01 00:00:00 UTC + (n * 37) mod 30 days
//   user_id    = (n * 7919) mod 30000 + 1          (the checklist's 30,000 MAU)
//   event_type = TYPES[n mod 5]
//   value      = ((n * 13) mod 1000) / 10          (0.0 .. 99.9)
// The same formulas appear below as SQL for server-side generation.

export const TYPES = ['click', 'page_view', 'quality_change', 'video_complete', 'search_filter'];
export const BASE_EPOCH = 1735689600; // 2025-01-01T00:00:00Z
export const SPAN_SEC = 30 * 86_400;

export const TABLE_COLUMNS = '(event_time, user_id, event_type, value)';

/** The checklist's table, per engine ("TIMESTAMP, INT, VARCHAR(20), FLOAT"). */
export const DDL = {
  clickhouse: `CREATE TABLE events (
    event_time DateTime,
    user_id Int32,
    event_type String,
    value Float64
  ) ENGINE = MergeTree() ORDER BY event_time`,
  postgres: `CREATE TABLE events (
    event_time timestamp,
    user_id int,
    event_type varchar(20),
    value float
  )`,
};

/** The checklist's query; Postgres spells count() as count(*). */
export const QUERY = {
  clickhouse: 'SELECT event_type, count(), avg(value) FROM events GROUP BY event_type',
  postgres: 'SELECT event_type, count(*), avg(value) FROM events GROUP BY event_type',
};

const types = `['${TYPES.join("', '")}']`;

/** Server-side generation of the same rows. */
export const GENERATE = {
  clickhouse: (rows) => `INSERT INTO events
    SELECT toDateTime(${BASE_EPOCH} + (number * 37) % ${SPAN_SEC}),
           toInt32((number * 7919) % 30000 + 1),
           arrayElement(${types}, (number % 5) + 1),
           ((number * 13) % 1000) / 10
    FROM numbers(${rows})`,
  postgres: (rows) => `INSERT INTO events
    SELECT to_timestamp(${BASE_EPOCH} + (n * 37) % ${SPAN_SEC}) AT TIME ZONE 'UTC',
           ((n * 7919) % 30000 + 1)::int,
           (ARRAY${types})[n % 5 + 1],
           ((n * 13) % 1000) / 10.0
    FROM generate_series(0::bigint, ${rows - 1}) AS n`,
};

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const days = Array.from({ length: 31 }, (_, d) =>
  new Date((BASE_EPOCH + d * 86_400) * 1000).toISOString().slice(0, 10),
);

/** `YYYY-MM-DD hh:mm:ss` for base + offset seconds, without a Date per row. */
function timeText(offset) {
  const day = Math.floor(offset / 86_400);
  let rest = offset - day * 86_400;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  return `${days[day]} ${pad2[hour]}:${pad2[minute]}:${pad2[rest - minute * 60]}`;
}

/**
 * Rows [start, start + count) as tab-separated text: the input format of ClickHouse's
 * TabSeparated and of Postgres's COPY text format alike.
 */
export function tsvBatch(start, count) {
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    lines[i] =
      `${timeText((n * 37) % SPAN_SEC)}\t${((n * 7919) % 30000) + 1}\t${TYPES[n % 5]}\t${((n * 13) % 1000) / 10}`;
  }
  return `${lines.join('\n')}\n`;
}

/** What the query must return on every engine, computed from the formulas. */
export function expectedAggregate(rows) {
  const count = new Array(5).fill(0);
  const sum = new Array(5).fill(0);
  for (let n = 0; n < rows; n++) {
    count[n % 5]++;
    sum[n % 5] += ((n * 13) % 1000) / 10;
  }
  return TYPES.map((type, i) => ({ type, count: count[i], avg: sum[i] / count[i] }));
}

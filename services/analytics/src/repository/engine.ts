/**
 * The little the repository needs from a ClickHouse engine. Two implementations: chDB in process
 * (embedded) and a ClickHouse server over HTTP. Both take the same SQL text.
 */
export interface SqlEngine {
  readonly name: 'chdb' | 'clickhouse';
  /** A statement without a result (DDL). */
  command(sql: string): Promise<void>;
  /** A SELECT; rows as JSONEachRow objects (64-bit integers may arrive as strings). */
  select<T extends object>(sql: string): Promise<T[]>;
  /** One INSERT of all rows, sent as JSONEachRow. `table` is `database.table`. */
  insert(table: string, rows: readonly object[]): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Parses a JSONEachRow body. */
export function parseJsonEachRow<T>(text: string): T[] {
  const rows: T[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() !== '') rows.push(JSON.parse(line) as T);
  }
  return rows;
}

export function toJsonEachRow(rows: readonly object[]): string {
  let body = '';
  for (const row of rows) body += `${JSON.stringify(row)}\n`;
  return body;
}

/** Rows serialized per slice; between slices the event loop gets a turn. */
const SLICE_ROWS = 500;

/**
 * JSONEachRow bytes of `rows`, made a slice at a time with a turn of the event loop between
 * slices: serializing a batch of 5,000 rows in one go blocked the process for 15–30 ms, which
 * every HTTP request arriving meanwhile waited out.
 */
export async function jsonEachRowBytes(rows: readonly object[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    parts.push(Buffer.from(toJsonEachRow(rows.slice(start, start + SLICE_ROWS))));
  }
  return Buffer.concat(parts);
}

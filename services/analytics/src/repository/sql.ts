/**
 * Literal rendering for the repository's SQL. ClickHouse 18.16 (Debian's server) has no
 * server-side query parameters, so values are rendered here, and only through these functions:
 * strings escaped the way both 18.16 and current ClickHouse parse them, numbers checked finite,
 * times as epoch seconds. Everything the API lets a caller choose is validated before it gets
 * here (enums, ISO dates, bounded integers); these functions make the SQL safe regardless.
 */

export function stringLiteral(value: string): string {
  // Backslash first, so the escapes added for quotes are not escaped again.
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  return String(value);
}

/** A DateTime in UTC; the table's time columns are DateTime('UTC') with second resolution. */
export function dateTimeLiteral(value: Date): string {
  const seconds = Math.floor(value.getTime() / 1000);
  return `toDateTime(${integerLiteral(seconds)}, 'UTC')`;
}

/** An identifier we chose (config-validated database name, fixed table names). */
export function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}

/** Counts arrive as numbers from chDB and as strings (64-bit) from the server. */
export function toNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) throw new Error(`expected a number, got ${String(value)}`);
  return number;
}

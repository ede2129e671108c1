/**
 * One environment variable's parser. `parse` receives the raw value (undefined or blank when
 * unset) and either returns the typed value or throws an `InvalidValue` saying what is wrong.
 */
export interface Field<T> {
  readonly parse: (raw: string | undefined) => T;
}

/** Thrown by a field; `loadConfig` collects these instead of stopping at the first. */
export class InvalidValue extends Error {
  override readonly name = 'InvalidValue';
}

/** Blank counts as unset so that `FOO=` in an env file behaves like no FOO at all. */
function isUnset(raw: string | undefined): raw is undefined {
  return raw === undefined || raw.trim() === '';
}

/** Values of non-secret kinds may be echoed back; long ones are cut so a log line stays readable. */
function shown(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}

function field<T>(parseValue: (raw: string) => T, fallback: T | undefined): Field<T> {
  return {
    parse(raw) {
      if (isUnset(raw)) {
        if (fallback !== undefined) return fallback;
        throw new InvalidValue('is required but not set');
      }
      return parseValue(raw.trim());
    },
  };
}

/** Makes a field optional: unset or blank gives `undefined` instead of an error. */
export function optional<T>(inner: Field<T>): Field<T | undefined> {
  return { parse: (raw) => (isUnset(raw) ? undefined : inner.parse(raw)) };
}

export function str(fallback?: string): Field<string> {
  return field((raw) => raw, fallback);
}

/** An absolute URL. The value is never echoed in errors: URLs often carry credentials. */
export function url(fallback?: string): Field<string> {
  return field((raw) => {
    if (!URL.canParse(raw)) throw new InvalidValue('must be an absolute URL (value hidden)');
    return raw;
  }, fallback);
}

/** Comma-separated list, items trimmed, empty items dropped; e.g. several Redis nodes. */
export function list(fallback?: readonly string[]): Field<string[]> {
  return field(
    (raw) =>
      raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    fallback === undefined ? undefined : [...fallback],
  );
}

export interface IntRange {
  min?: number;
  max?: number;
}

function describeRange({ min, max }: IntRange): string {
  if (min !== undefined && max !== undefined) return ` between ${min} and ${max}`;
  if (min !== undefined) return ` >= ${min}`;
  if (max !== undefined) return ` <= ${max}`;
  return '';
}

function parseInteger(
  raw: string,
  { min = -Infinity, max = Infinity }: IntRange,
): number | undefined {
  const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
}

export function int(range: IntRange = {}, fallback?: number): Field<number> {
  return field((raw) => {
    const value = parseInteger(raw, range);
    if (value === undefined) {
      throw new InvalidValue(`must be an integer${describeRange(range)}, got ${shown(raw)}`);
    }
    return value;
  }, fallback);
}

export function port(fallback?: number): Field<number> {
  return field((raw) => {
    const value = parseInteger(raw, { min: 0, max: 65535 });
    if (value === undefined)
      throw new InvalidValue(`must be a port number 0-65535, got ${shown(raw)}`);
    return value;
  }, fallback);
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function bool(fallback?: boolean): Field<boolean> {
  return field((raw) => {
    const lower = raw.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    throw new InvalidValue(`must be true/false (or 1/0, yes/no, on/off), got ${shown(raw)}`);
  }, fallback);
}

export function oneOf<const T extends readonly string[]>(
  values: T,
  fallback?: T[number],
): Field<T[number]> {
  return field((raw) => {
    const match = values.find((value) => value === raw);
    if (match === undefined) {
      throw new InvalidValue(`must be one of ${values.join(', ')}, got ${shown(raw)}`);
    }
    return match;
  }, fallback);
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses `500ms`, `30s`, `15m`, `1h30m`, `2d`, or a bare number of milliseconds. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return undefined;
  return parts.reduce(
    (total, [, amount, unit]) => total + Number(amount) * (UNIT_MS[unit ?? ''] ?? 0),
    0,
  );
}

/** A duration in milliseconds; the fallback is written the same way, e.g. `duration('15m')`. */
export function duration(fallback?: string): Field<number> {
  const fallbackMs = fallback === undefined ? undefined : parseDuration(fallback);
  if (fallback !== undefined && fallbackMs === undefined) {
    throw new Error(`duration(): invalid default ${JSON.stringify(fallback)}`);
  }
  return field((raw) => {
    const ms = parseDuration(raw);
    if (ms === undefined) {
      throw new InvalidValue(
        `must be a duration like 500ms, 30s, 15m, 1h30m or 2d, got ${shown(raw)}`,
      );
    }
    return ms;
  }, fallbackMs);
}

/**
 * Result types, identical on PGlite and on `pg`:
 *
 * | Postgres type                  | JS value                                   |
 * |--------------------------------|--------------------------------------------|
 * | int2, int4, float4, float8, oid| number                                     |
 * | int8 (bigint, count(*)), numeric | string — exact; convert with Number()/BigInt() where safe |
 * | bool                           | boolean                                    |
 * | text, varchar, uuid            | string                                     |
 * | date                           | string 'YYYY-MM-DD' (a calendar day has no time zone) |
 * | interval                       | string as Postgres prints it ('1 day 02:00:00') |
 * | timestamptz                    | Date                                       |
 * | timestamp (no zone)            | Date read in the process's local zone — prefer timestamptz |
 * | json, jsonb                    | parsed value                               |
 * | bytea                          | Uint8Array (a Buffer on `pg`)              |
 * | arrays of the above            | arrays of the same                         |
 *
 * Parameters: pass jsonb values as `JSON.stringify(value)`; `pg` would turn a JS array into a
 * Postgres array literal, not JSON.
 */
import pg from 'pg';

/** Type OIDs from pg_type; stable across Postgres versions. */
const oid = {
  int8: 20,
  text: 25,
  date: 1082,
  interval: 1186,
  numeric: 1700,
  int8Array: 1016,
  textArray: 1009,
  dateArray: 1182,
  intervalArray: 1187,
  numericArray: 1231,
} as const;

const asText = (value: string): string => value;

/** PGlite parses arrays with the parser of their element type, so element types suffice. */
export const pgliteParsers: Record<number, (value: string) => unknown> = {
  [oid.int8]: asText,
  [oid.numeric]: asText,
  [oid.date]: asText,
  [oid.interval]: asText,
};

type PgTypeId = Parameters<typeof pg.types.getTypeParser>[0];
// pg-types' enum lists only element types; 1009 (text[]) is a valid id all the same.
const parseTextArray: (value: string) => string[] = pg.types.getTypeParser(
  oid.textArray as PgTypeId,
);

const textOverrides = new Set<number>([oid.date, oid.interval]);
const textArrayOverrides = new Set<number>([oid.dateArray, oid.intervalArray, oid.numericArray]);

/** Per-pool type parsing for `pg`, so the process-wide defaults of pg-types stay untouched. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (typeId, format) => {
    if (textOverrides.has(typeId)) return asText;
    if (textArrayOverrides.has(typeId)) return parseTextArray;
    return pg.types.getTypeParser(typeId, format);
  },
};

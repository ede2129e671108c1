import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Queryable } from '@cinesync/kit/db';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Progress } from './progress.js';
import type { Cell, Table } from './rows.js';

/** Fills one table from its rows; returns how many it wrote. */
export type TableWriter = (
  table: Table,
  rows: Iterable<Cell[]>,
  progress: Progress,
) => Promise<number>;

/** COPY's text format: tab-separated, \N for NULL, backslash escapes for the few special bytes. */
function copyCell(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') return String(cell);
  return /[\\\t\n\r]/.test(cell)
    ? cell
        .replaceAll('\\', '\\\\')
        .replaceAll('\t', '\\t')
        .replaceAll('\n', '\\n')
        .replaceAll('\r', '\\r')
    : cell;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Postgres: `COPY ... FROM STDIN` over one connection, written in ~1 MiB chunks and pausing when
 * the socket pushes back, so memory stays flat however many rows go through.
 */
export function copyWriter(client: pg.Client): TableWriter {
  return async (table, rows, progress) => {
    const stream = client.query(
      copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`),
    );
    let chunk = '';
    let pending = 0;
    let written = 0;
    for (const row of rows) {
      chunk += `${row.map(copyCell).join('\t')}\n`;
      pending++;
      if (chunk.length >= CHUNK_BYTES) {
        const ok = stream.write(chunk);
        written += pending;
        progress.add(pending);
        chunk = '';
        pending = 0;
        if (!ok) await once(stream, 'drain');
      }
    }
    if (chunk !== '') stream.write(chunk);
    stream.end();
    await finished(stream);
    progress.add(pending);
    return written + pending;
  };
}

/**
 * The embedded engine has no COPY FROM STDIN through our Db interface: batches of rows go in as
 * one `INSERT ... SELECT FROM unnest($1::type[], ...)` each, a column array per parameter.
 */
export function unnestWriter(db: Queryable, batchSize = 5_000): TableWriter {
  return async (table, rows, progress) => {
    const unnest = table.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    const sql = `INSERT INTO ${table.name} (${table.columns.join(', ')}) SELECT * FROM unnest(${unnest})`;
    let columns: Cell[][] = table.columns.map(() => []);
    let pending = 0;
    let written = 0;
    const flush = async () => {
      if (pending === 0) return;
      await db.query(sql, columns);
      written += pending;
      progress.add(pending);
      columns = table.columns.map(() => []);
      pending = 0;
    };
    for (const row of rows) {
      for (const [i, cell] of row.entries()) columns[i]?.push(cell);
      if (++pending >= batchSize) await flush();
    }
    await flush();
    return written;
  };
}

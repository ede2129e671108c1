// The three engines of the study behind one small interface. Each gets a dedicated database (or
// data directory) that is created for the run and dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DDL, GENERATE, QUERY, TABLE_COLUMNS } from './workload.mjs';

const DATABASE = 'cinesync_bench_analytics';

const normalise = (rows) =>
  rows
    .map((row) => {
      const [type, count, avg] = Object.values(row);
      return { type: String(type), count: Number(count), avg: Number(avg) };
    })
    .sort((a, b) => a.type.localeCompare(b.type));

/** Debian's ClickHouse server over HTTP (@clickhouse/client; no query_params, 18.16 lacks them). */
export async function clickhouseServer(url) {
  const open = (database) =>
    createClient({
      url,
      database,
      request_timeout: 600_000,
      max_open_connections: 1,
      // Errors are thrown; the client's advice log about long timeouts is noise here.
      log: { level: ClickHouseLogLevel.OFF },
    });
  const admin = open('default');
  await admin.command({ query: `DROP DATABASE IF EXISTS ${DATABASE}` });
  await admin.command({ query: `CREATE DATABASE ${DATABASE}` });
  const client = open(DATABASE);
  const select = async (c, query) => (await c.query({ query, format: 'JSONEachRow' })).json();
  return {
    name: 'clickhouse-server',
    async version() {
      const [row] = await select(client, 'SELECT version() AS v');
      return `ClickHouse server ${row.v} (Debian package), HTTP via @clickhouse/client`;
    },
    setup: () => client.command({ query: DDL.clickhouse }),
    generate: (rows) => client.command({ query: GENERATE.clickhouse(rows) }),
    truncate: async () => {
      // 18.16 has no TRUNCATE for MergeTree; drop and re-create.
      await client.command({ query: 'DROP TABLE events' });
      await client.command({ query: DDL.clickhouse });
    },
    insertBatch: (tsv) =>
      client.insert({
        table: 'events',
        columns: ['event_time', 'user_id', 'event_type', 'value'],
        values: Readable.from([tsv], { objectMode: false }),
        format: 'TabSeparated',
      }),
    finishLoad: async () => {},
    count: async () => Number((await select(client, 'SELECT count() AS n FROM events'))[0].n),
    async openClients(k) {
      return Array.from({ length: k }, () => {
        const own = open(DATABASE);
        return {
          query: async () => normalise(await select(own, QUERY.clickhouse)),
          close: () => own.close(),
        };
      });
    },
    async cleanup() {
      await client.close();
      await admin.command({ query: `DROP DATABASE IF EXISTS ${DATABASE}` });
      await admin.close();
    },
  };
}

/** chDB: ClickHouse in this process; "clients" are concurrent async queries on one session. */
export async function chdbEngine() {
  const { Session, version } = await import('chdb');
  const dir = await mkdtemp(join(tmpdir(), 'cinesync-bench-chdb-'));
  const session = new Session(dir);
  const run = (sql) => session.queryAsync(sql);
  await run(`CREATE DATABASE ${DATABASE}`);
  const select = async (sql) =>
    (await session.queryAsync(sql, { format: 'JSONEachRow' }))
      .text()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line));
  const qualified = (sql) => sql.replaceAll(' events', ` ${DATABASE}.events`);
  return {
    name: 'chdb',
    async version() {
      const [row] = await select('SELECT version() AS v');
      return `chDB ${version().chdb} (engine ${row.v}), in process`;
    },
    setup: () => run(qualified(DDL.clickhouse)),
    generate: (rows) => run(qualified(GENERATE.clickhouse(rows))),
    truncate: () => run(`TRUNCATE TABLE ${DATABASE}.events`),
    insertBatch: (tsv) =>
      session.insert({
        table: `${DATABASE}.events`,
        values: Buffer.from(tsv),
        format: 'TabSeparated',
        columns: ['event_time', 'user_id', 'event_type', 'value'],
      }),
    finishLoad: async () => {},
    count: async () => Number((await select(`SELECT count() AS n FROM ${DATABASE}.events`))[0].n),
    async openClients(k) {
      return Array.from({ length: k }, () => ({
        query: async () => normalise(await select(qualified(QUERY.clickhouse))),
        close: async () => {},
      }));
    },
    async cleanup() {
      session.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** PostgreSQL: a database of its own, COPY for client-side batches, one connection per client. */
export async function postgresEngine(adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DATABASE}`;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  const client = await connect();
  return {
    name: 'postgres',
    async version() {
      const { rows } = await client.query('SHOW server_version');
      const settings = await client.query(
        `SELECT name, setting FROM pg_settings
         WHERE name IN ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather')`,
      );
      const shown = settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
      return `PostgreSQL ${rows[0].server_version} (Debian package, defaults: ${shown})`;
    },
    setup: () => client.query(DDL.postgres),
    generate: (rows) => client.query(GENERATE.postgres(rows)),
    truncate: () => client.query('TRUNCATE events'),
    insertBatch: (tsv) =>
      pipeline(
        Readable.from([tsv], { objectMode: false }),
        client.query(copyFrom(`COPY events ${TABLE_COLUMNS} FROM STDIN`)),
      ),
    // What a DBA does after a bulk load; without it the first scans also write hint bits.
    finishLoad: () => client.query('VACUUM ANALYZE events'),
    count: async () => Number((await client.query('SELECT count(*) AS n FROM events')).rows[0].n),
    async openClients(k) {
      return Promise.all(
        Array.from({ length: k }, async () => {
          const own = await connect();
          return {
            query: async () => normalise((await own.query(QUERY.postgres)).rows),
            close: () => own.end(),
          };
        }),
      );
    },
    async cleanup() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
      await admin.end();
    },
  };
}

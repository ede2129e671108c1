// The storage study: the UGC checklist's ClickHouse-vs-Vertica workload, run here on ClickHouse
// server (Debian's 18.16), chDB and PostgreSQL, one engine after the other in one run.
//
//   node bench/analytics-storage/run.mjs                 (10,000,000 rows, 8 clients, 5 rounds)
//   node bench/analytics-storage/run.mjs --rows 1000000 --engines chdb,postgres
//
// Per engine: (1) server-side generation, INSERT ... SELECT from numbers()/generate_series, timed;
// (2) the table emptied and loaded again from this process in batches of --batch rows (TSV over
// HTTP for the server, the in-process insert for chDB, COPY for Postgres); the TSV is generated
// once up front and its time reported apart; (3) one warm-up query, then
// `SELECT event_type, count(), avg(value) FROM events GROUP BY event_type` from --clients
// concurrent clients, --rounds times each, every latency recorded.
//
// CLICKHOUSE_URL: a running server; unset → starts Debian's clickhouse-server on 127.0.0.1:18123
// for the run. POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres): the study
// creates and drops its own database there. Writes docs/research/analytics-storage.csv and the
// results section of docs/research/analytics-storage.md.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from '../lib/report.mjs';
import { startClickHouseServer } from './clickhouse-server.mjs';
import { chdbEngine, clickhouseServer, postgresEngine } from './engines.mjs';
import { expectedAggregate, tsvBatch } from './workload.mjs';

// chDB runs queries on libuv's pool (4 threads by default): give 8 clients 8 threads.
if (!process.env.UV_THREADPOOL_SIZE) {
  const child = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, UV_THREADPOOL_SIZE: '8' },
  });
  process.exit(child.status ?? 1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    batch: { type: 'string', default: '200000' },
    clients: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
    engines: { type: 'string', default: 'clickhouse-server,chdb,postgres' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const BATCH = Number(args.batch);
const CLIENTS = Number(args.clients);
const ROUNDS = Number(args.rounds);

const seconds = (ms) => Math.round(ms) / 1000;
const now = () => performance.now();
const log = (...parts) => console.log(new Date().toISOString().slice(11, 19), ...parts);

function sameResult(actual, expected) {
  const want = [...expected].sort((a, b) => a.type.localeCompare(b.type));
  return (
    actual.length === want.length &&
    actual.every(
      (row, i) =>
        row.type === want[i].type &&
        row.count === want[i].count &&
        Math.abs(row.avg - want[i].avg) <= 1e-9 * Math.max(1, Math.abs(want[i].avg)),
    )
  );
}

async function timed(fn) {
  const start = now();
  await fn();
  return now() - start;
}

/** Both inserts, one engine at a time; leaves the table loaded by the client-side path. */
async function load(engine, batches) {
  const result = { engine: engine.name, version: await engine.version(), loadBefore: loadavg()[0] };
  await engine.setup();

  log(engine.name, `server-side generation of ${ROWS} rows`);
  result.generateMs = await timed(() => engine.generate(ROWS));
  result.generatedRows = await engine.count();
  await engine.truncate();

  log(engine.name, `client-side insert, ${batches.length} batches of ${BATCH}`);
  result.clientInsertMs = await timed(async () => {
    for (const batch of batches) await engine.insertBatch(batch);
  });
  result.postLoadMs = await timed(() => engine.finishLoad());
  result.rows = await engine.count();
  result.loadAfter = loadavg()[0];
  log(
    engine.name,
    `insert from client ${seconds(result.clientInsertMs)} s, generated in SQL ${seconds(result.generateMs)} s`,
  );
  return result;
}

/**
 * The aggregation, interleaved: each round runs the query once on every client of one engine
 * (8 at once), then the next engine, so a change in the shared machine's load hits all engines
 * alike instead of whichever happened to run then.
 */
async function aggregate(engines, results, expected) {
  const clients = new Map();
  for (const engine of engines) {
    const own = await engine.openClients(CLIENTS);
    clients.set(engine, own);
    const result = results.get(engine);
    const warm = now();
    const first = await own[0].query();
    result.warmupMs = now() - warm;
    result.correct =
      result.rows === ROWS && result.generatedRows === ROWS && sameResult(first, expected);
    result.latencies = [];
    result.wallMs = 0;
    result.loadSamples = [];
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const engine of engines) {
      const result = results.get(engine);
      result.loadSamples.push(loadavg()[0]);
      const wallStart = now();
      await Promise.all(
        clients.get(engine).map(async (client) => {
          const t = now();
          const rows = await client.query();
          result.latencies.push(now() - t);
          if (!sameResult(rows, expected)) result.correct = false;
        }),
      );
      result.wallMs += now() - wallStart;
    }
    log(`aggregation round ${round + 1}/${ROUNDS} done`);
  }
  for (const engine of engines) {
    await Promise.all(clients.get(engine).map((client) => client.close()));
    const result = results.get(engine);
    const latencies = result.latencies.sort((a, b) => a - b);
    result.queries = latencies.length;
    result.meanMs = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    result.p50Ms = percentile(latencies, 50);
    result.p95Ms = percentile(latencies, 95);
    result.maxMs = latencies.at(-1);
    result.aggLoad = result.loadSamples.reduce((a, b) => a + b, 0) / result.loadSamples.length;
    log(
      engine.name,
      `aggregation mean ${seconds(result.meanMs)} s, p95 ${seconds(result.p95Ms)} s, correct: ${result.correct}`,
    );
  }
}

const machine = {
  date: new Date().toISOString().slice(0, 10),
  cpu: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
  ram: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  os: `Linux ${release()}`,
  node: process.version,
};

const CHECKLIST = [
  {
    engine: 'ClickHouse (checklist, Docker, Python clickhouse-driver)',
    insertS: 46.64,
    aggS: 0.27,
  },
  { engine: 'Vertica (checklist, Docker, vertica_python)', insertS: 100.43, aggS: 0.73 },
];

const quote = (value) => `"${String(value).replaceAll('"', '""')}"`;

function csv(results) {
  const measured = results.map((r) => ({
    source: 'measured',
    engine: r.engine,
    version: quote(r.version),
    rows: r.rows,
    load_insert_before: r.loadBefore.toFixed(2),
    load_insert_after: r.loadAfter.toFixed(2),
    load_aggregation: r.aggLoad.toFixed(2),
    insert_client_s: seconds(r.clientInsertMs),
    js_row_generation_s: seconds(jsGenerateMs),
    insert_sql_generated_s: seconds(r.generateMs),
    post_load_s: seconds(r.postLoadMs),
    clients: CLIENTS,
    queries: r.queries,
    agg_mean_s: seconds(r.meanMs),
    agg_p50_s: seconds(r.p50Ms),
    agg_p95_s: seconds(r.p95Ms),
    agg_max_s: seconds(r.maxMs),
    agg_wall_s: seconds(r.wallMs),
    warmup_s: seconds(r.warmupMs),
    results_correct: r.correct,
    date: machine.date,
    cpu: quote(machine.cpu),
    ram: machine.ram,
  }));
  const quoted = CHECKLIST.map((c) => ({
    source: 'checklist',
    engine: quote(c.engine),
    rows: 10_000_000,
    insert_client_s: c.insertS,
    clients: 8,
    agg_mean_s: c.aggS,
  }));
  const columns = Object.keys(measured[0] ?? {});
  const lines = [...measured, ...quoted].map((row) => columns.map((c) => row[c] ?? '').join(','));
  return `${[columns.join(','), ...lines].join('\n')}\n`;
}

function markdown(results) {
  const rows = results.map(
    (r) =>
      `| ${r.engine} | ${seconds(r.clientInsertMs)} s | ${seconds(r.generateMs)} s | ${seconds(r.meanMs)} s | ${seconds(r.p50Ms)} / ${seconds(r.p95Ms)} / ${seconds(r.maxMs)} s | ${seconds(r.wallMs)} s for ${r.queries} | ${r.correct ? 'yes' : '**no**'} |`,
  );
  const quoted = CHECKLIST.map(
    (c) => `| ${c.engine} | ${c.insertS} s | – | ${c.aggS} s | – | – | – |`,
  );
  const versions = results.map((r) => `- ${r.engine}: ${r.version}`);
  const load = results.map(
    (r) =>
      `${r.engine}: inserts ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}, aggregation rounds ${r.aggLoad.toFixed(1)} on average`,
  );
  const post = results
    .filter((r) => r.postLoadMs > 1)
    .map(
      (r) =>
        `- ${r.engine}: ${seconds(r.postLoadMs)} s after the load (VACUUM ANALYZE), not in the insert time.`,
    );
  return [
    `Run on ${machine.date}: ${machine.cpu}, ${machine.ram} RAM, ${machine.os}, Node ${machine.node}.`,
    `${ROWS.toLocaleString('en')} rows; client-side: ${batches.length} batches of ${BATCH.toLocaleString('en')} rows (${Math.round(tsvBytes / 2 ** 20)} MiB of TSV, generated once in JS in ${seconds(jsGenerateMs)} s, not counted in the insert times); aggregation: one warm-up query, then ${ROUNDS} rounds of ${CLIENTS} concurrent clients, engines interleaved round by round.`,
    '',
    '| engine | insert from a client | insert generated in SQL | aggregation, mean per query (8 clients) | p50 / p95 / max | all queries, wall time | results match |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    ...quoted,
    '',
    'Versions:',
    ...versions,
    '',
    `Machine load (1-minute load average; the machine is shared, and anything above 2 means other work competed for the 2 cores): ${load.join('; ')}.`,
    ...(post.length ? ['', ...post] : []),
  ].join('\n');
}

async function writeDocs(results) {
  const dir = join(root, 'docs', 'research');
  await writeFile(join(dir, 'analytics-storage.csv'), csv(results));
  const path = join(dir, 'analytics-storage.md');
  const doc = await readFile(path, 'utf8').catch(() => '');
  const start = '<!-- results:start -->';
  const end = '<!-- results:end -->';
  if (!doc.includes(start) || !doc.includes(end)) {
    console.log('\n(no results markers in analytics-storage.md; table printed only)');
    return;
  }
  const updated = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${markdown(results)}\n${doc.slice(doc.indexOf(end))}`;
  await writeFile(path, updated);
}

const wanted = new Set(args.engines.split(','));
const expected = expectedAggregate(ROWS);
const results = [];

// The rows as a client would send them, generated once (TSV, ~45 bytes a row) and sent to every
// engine, so the insert times compare the engines' ingest paths rather than JS string building.
log(`generating ${ROWS} rows as TSV in JS`);
const batches = [];
const generateStart = now();
for (let start = 0; start < ROWS; start += BATCH) {
  batches.push(Buffer.from(tsvBatch(start, Math.min(BATCH, ROWS - start))));
}
const jsGenerateMs = now() - generateStart;
const tsvBytes = batches.reduce((n, b) => n + b.length, 0);
log(`generated ${Math.round(tsvBytes / 2 ** 20)} MiB in ${seconds(jsGenerateMs)} s`);

const engines = [];
let server;
try {
  if (wanted.has('clickhouse-server')) {
    server = process.env.CLICKHOUSE_URL
      ? { url: process.env.CLICKHOUSE_URL, stop: async () => {} }
      : await startClickHouseServer();
    engines.push(await clickhouseServer(server.url));
  }
  if (wanted.has('chdb')) engines.push(await chdbEngine());
  if (wanted.has('postgres')) {
    engines.push(
      await postgresEngine(
        process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      ),
    );
  }
  const byEngine = new Map();
  for (const engine of engines) byEngine.set(engine, await load(engine, batches));
  await aggregate(engines, byEngine, expected);
  results.push(...byEngine.values());
} finally {
  for (const engine of engines) await engine.cleanup().catch((err) => console.error(err));
  await server?.stop();
}

console.log(`\n${markdown(results)}`);
if (!args['dry-run']) await writeDocs(results);

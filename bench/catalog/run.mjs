// Catalog under load: search and get-by-id over a seeded Postgres catalog, through the gateway
// (and straight to the catalog, to show what the gateway adds). Writes docs/bench/catalog.csv and the
// results section of docs/bench/catalog.md.
//
//   npm run seed:catalog -- --films 100000          (with DATABASE_URL set)
//   DATABASE_URL=postgres://... npm run bench -- catalog --duration 10
//
// Three processes, as in production: the catalog (dist/main.js), the gateway (dist/main.js) and
// autocannon here, all on the same cores.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuMeter } from '../lib/cpu.mjs';
import { loadRun } from '../lib/load.mjs';
import { startPauseWatch } from '../lib/pauses.mjs';
import { startNodeService } from '../lib/process.mjs';
import { machine, percentile, writeResultsSection } from '../lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const docs = join(root, 'docs', 'bench');
const TARGETS_P99_MS = { search: 50, 'get by id': 10 };

/** Starts `services/<name>/dist/main.js` and waits for /healthz. */
const startService = (name, env) =>
  startNodeService({ main: join(root, 'services', name, 'dist', 'main.js'), name, env });

const pick = (items) => items[Math.floor(Math.random() * items.length)];

/** One letter swapped with the next in a random word of four letters or more: a typical typo. */
function typo(text) {
  const words = text.split(' ');
  const long = words.map((word, i) => [word, i]).filter(([word]) => word.length >= 4);
  if (long.length === 0) return text;
  const [word, index] = pick(long);
  const at = 1 + Math.floor(Math.random() * (word.length - 2));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

/** Real ids, titles and names from the catalog, so every request asks for something that exists. */
async function sample(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const films = await client.query(
      'SELECT id, title FROM films TABLESAMPLE SYSTEM (5) LIMIT 2000',
    );
    const people = await client.query(
      `SELECT p.name FROM persons p TABLESAMPLE SYSTEM (5)
       WHERE EXISTS (SELECT 1 FROM film_persons fp WHERE fp.person_id = p.id AND fp.role = 'director')
       LIMIT 1000`,
    );
    const { rows } = await client.query('SELECT count(*)::int AS n FROM films');
    return {
      total: rows[0].n,
      ids: films.rows.map((row) => row.id),
      titles: films.rows.map((row) => row.title),
      people: people.rows.map((row) => row.name),
    };
  } finally {
    await client.end();
  }
}

function scenarios(data) {
  const q = (text) => `/api/v1/films?query=${encodeURIComponent(text)}`;
  return [
    // The floor: the same load on each process's own /healthz (no database, nothing proxied).
    { name: 'floor: /healthz', kind: 'floor', path: () => '/healthz' },
    { name: 'get by id', kind: 'get by id', path: () => `/api/v1/films/${pick(data.ids)}` },
    { name: 'search: title', kind: 'search', path: () => q(pick(data.titles)) },
    { name: 'search: director', kind: 'search', path: () => q(pick(data.people)) },
    { name: 'search: typo', kind: 'search', path: () => q(typo(pick(data.titles))) },
    {
      name: 'browse: genre + years',
      kind: 'search',
      path: () => {
        const from = 1930 + Math.floor(Math.random() * 80);
        return `/api/v1/films?genre=drama&yearFrom=${from}&yearTo=${from + 9}&sort=-year`;
      },
    },
  ];
}

/** One run of a scenario (bench/lib/load.mjs) and its percentiles. */
async function measure({ base, scenario, connections, overallRate, duration, pids, pauseWatch }) {
  const from = Date.now();
  const cpu = cpuMeter(pids);
  const { latencies, ...result } = await loadRun({
    url: base,
    makePath: scenario.path,
    connections,
    overallRate,
    duration,
  });
  return {
    ...result,
    pauses: pauseWatch.between(from, Date.now()),
    cpu: cpu.stop(result.total),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function report(rows, { duration, films }) {
  const env = machine();
  const csv = [
    'date,route,scenario,load,req_per_sec,p50_ms,p95_ms,p99_ms,errors,non2xx,machine_pauses,longest_pause_ms,cpu_us_gateway,cpu_us_catalog,cpu_us_postgres,cpu_us_load',
  ];
  const table = [
    '| load | route | scenario | req/s | p50 ms | p95 ms | p99 ms | target p99 | | machine pauses (longest ms) | CPU µs/request: gateway / catalog / Postgres / load |',
    '|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const row of rows) {
    const target = TARGETS_P99_MS[row.kind];
    const verdict = target === undefined ? '' : row.p99 < target ? 'meets' : 'misses';
    const pauses = `${row.pauses.count} (${Math.round(row.pauses.longest)})`;
    const cpu = ['gateway', 'catalog', 'postgres', 'load'].map((name) => Math.round(row.cpu[name]));
    csv.push(
      [
        env.date,
        row.route,
        row.scenario,
        row.level,
        Math.round(row.rps),
        row.p50,
        row.p95,
        row.p99,
        row.errors,
        row.non2xx,
        row.pauses.count,
        Math.round(row.pauses.longest),
        ...cpu,
      ].join(','),
    );
    table.push(
      `| ${row.level} | ${row.route} | ${row.scenario} | ${Math.round(row.rps)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${target === undefined ? '–' : `${target} ms`} | ${verdict} | ${pauses} | ${cpu.join(' / ')} |`,
    );
  }
  await writeFile(join(docs, 'catalog.csv'), `${csv.join('\n')}\n`);
  const section = [
    '<!-- results:start (written by bench/catalog/run.mjs; edit outside these markers) -->',
    `Run on ${env.date}: ${env.cpu}, ${env.cores} cores, Node ${env.node}; Postgres with ${films} films; ${duration} s per scenario (after 2 s of warm-up); load average at start ${env.load}.`,
    '',
    ...table,
    '<!-- results:end -->',
  ].join('\n');
  await writeResultsSection(join(docs, 'catalog.md'), 'Catalog under load', section);
  process.stdout.write('\nwrote docs/bench/catalog.csv and catalog.md\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      // `c` connections as fast as they go, or `c@r`: c connections sending r requests/s in all.
      connections: { type: 'string', default: '1,10,10@100,10@200' },
      direct: { type: 'boolean', default: true },
      // Scenarios whose name contains this text only; a partial run prints and writes nothing.
      only: { type: 'string' },
    },
  });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('set DATABASE_URL to a catalog seeded with npm run seed:catalog');
  const duration = Number(values.duration);
  const levels = values.connections.split(',').map((spec) => {
    const [connections, rate] = spec.split('@').map(Number);
    return { name: spec, connections, overallRate: rate };
  });
  const data = await sample(databaseUrl);
  process.stdout.write(`catalog has ${data.total} films\n`);

  const catalog = await startService('catalog', {
    DATABASE_URL: databaseUrl,
    CATALOG_DEMO_DATA: 'false',
  });
  const gateway = await startService('gateway', {
    CATALOG_URL: catalog.url,
    // The limiter runs on every request, as in production, but never refuses one here.
    RATE_LIMIT_CAPACITY: '1000000000',
    RATE_LIMIT_REFILL_PER_SEC: '1000000000',
  });
  const routes = [
    { name: 'gateway', base: gateway.url },
    ...(values.direct ? [{ name: 'direct', base: catalog.url }] : []),
  ];
  const rows = [];
  const watched = {
    pids: { gateway: gateway.pid, catalog: catalog.pid },
    pauseWatch: startPauseWatch(),
  };
  try {
    for (const { name: level, connections, overallRate } of levels) {
      for (const scenario of scenarios(data).filter(
        (candidate) => values.only === undefined || candidate.name.includes(values.only),
      )) {
        for (const route of routes) {
          const run = { base: route.base, scenario, connections, overallRate, ...watched };
          // Warm up: JIT, keep-alive pools, Postgres buffers.
          await measure({ ...run, duration: 2 });
          const result = await measure({ ...run, duration });
          rows.push({
            route: route.name,
            scenario: scenario.name,
            kind: scenario.kind,
            level,
            ...result,
          });
          process.stdout.write(
            `${level.padEnd(7)} ${route.name.padEnd(8)} ${scenario.name.padEnd(22)} ${Math.round(result.rps)} req/s  p50 ${result.p50.toFixed(1)}  p95 ${result.p95.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors} non2xx ${result.non2xx}  pauses ${result.pauses.count} (${Math.round(result.pauses.longest)} ms)  cpu µs/req ${['gateway', 'catalog', 'postgres', 'load'].map((name) => Math.round(result.cpu[name])).join('/')}\n`,
          );
        }
      }
    }
  } finally {
    watched.pauseWatch.stop();
    await gateway.stop();
    await catalog.stop();
  }
  if (values.only === undefined) await report(rows, { duration, films: data.total });
  else process.stdout.write('partial run (--only): docs/bench not written\n');
}

await main();

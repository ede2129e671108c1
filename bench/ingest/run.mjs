// The analytics pipeline under load: batches of events POSTed to the service, measured from the
// client (accepted events/s, accept latency) to the admin API (end-to-end lag until queryable),
// on both stacks in one run. Writes docs/bench/ingest.csv and the results section of
// docs/bench/ingest.md.
//
//   npm run bench:ingest                  (builds the service, then runs this with the defaults:
//                                          six levels, both stacks, 10 s, 3 rounds)
//   node bench/ingest/run.mjs --duration 5 --rounds 1 --levels 100x8,500x8@20000 --engines embedded
//
// Levels: `<events per request>x<connections>`, as fast as they go, or with `@<events/s>` for a
// fixed total rate. Stacks: `embedded` (in-process bus persisted under DATA_DIR, chDB) and
// `jetstream` (NATS JetStream at --nats-url, Debian's ClickHouse server started here and
// stopped afterwards unless --clickhouse-url is given).
import { mkdir, readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startClickHouseServer } from '../analytics-storage/clickhouse-server.mjs';
import { pacedLoad } from '../lib/paced.mjs';
import { percentile } from '../lib/report.mjs';
import { batchMaker } from './events.mjs';
import { startLagProbe } from './lag.mjs';
import { writeReport } from './report.mjs';
import {
  clickHouseVersion,
  cpuSeconds,
  dropClickHouseDatabase,
  findProcesses,
  machineCpuSeconds,
  prepareJetStream,
  startKeys,
  startService,
} from './stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DAY_MS = 86_400_000;

function parseLevel(spec) {
  const match = /^(\d+)x(\d+)(?:@(\d+))?$/.exec(spec.trim());
  if (!match) throw new Error(`bad level "${spec}": use <events>x<connections>[@<events/s>]`);
  const [, batch, connections, rate] = match.map(Number);
  return { name: spec.trim(), batch, connections, eventsPerSec: rate || undefined };
}

/** As many requests as `connections` connections can carry, each sent as the last returns. */
async function closedLoop({ url, connections, duration, makeBody, onResponse }) {
  const instance = autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/events',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: makeBody() }),
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    onResponse({ at: performance.now(), status, ms });
  });
  const result = await instance;
  return {
    seconds: result.duration,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * One level: load for `duration` seconds, then keep probing until every accepted event is
 * queryable. Each level writes events dated on a day of its own (today minus `dayOffset`), so its
 * count query reads only its own rows, and levels never mix.
 */
async function measureLevel({ service, adminToken, level, dayOffset, duration, pids }) {
  const dayStart = Math.floor(Date.now() / DAY_MS) * DAY_MS - dayOffset * DAY_MS;
  const occurredAt = () => new Date(dayStart + (Date.now() % DAY_MS)).toISOString();
  const makeBody = batchMaker(level.batch, occurredAt);
  const probe = startLagProbe({
    url: service.url,
    adminToken,
    from: new Date(dayStart),
    to: new Date(dayStart + DAY_MS),
  });
  const cpuBefore = await Promise.all(pids.map((p) => cpuSeconds(p.pid)));
  const machineBefore = await machineCpuSeconds();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const responses = [];
  const onResponse = (response) => responses.push(response);
  const result = level.eventsPerSec
    ? await pacedLoad({
        url: service.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        makePath: () => '/api/v1/events',
        connections: level.connections,
        requestsPerSec: level.eventsPerSec / level.batch,
        duration,
        makeBody,
        onResponse,
      })
    : await closedLoop({
        url: service.url,
        connections: level.connections,
        duration,
        makeBody,
        onResponse,
      });
  const client = process.cpuUsage(clientBefore);
  const cpuLoaded = await Promise.all(pids.map((p) => cpuSeconds(p.pid)));
  const machineLoaded = await machineCpuSeconds();
  const elapsed = (performance.now() - started) / 1000;
  // Cores busy with work that is not this benchmark's, while the load ran.
  const ours =
    cpuLoaded.reduce((sum, cpu, i) => sum + (cpu - cpuBefore[i] || 0), 0) +
    (client.user + client.system) / 1e6;
  const otherCores = Math.max(0, (machineLoaded - machineBefore - ours) / elapsed);
  const load1 = loadavg()[0];
  const accepted = responses.filter((r) => r.status === 202);
  const acceptedEvents = accepted.length * level.batch;
  const lag = await probe.until(acceptedEvents, accepted);
  const cpuAfter = await Promise.all(pids.map((p) => cpuSeconds(p.pid)));
  const latencies = accepted.map((r) => r.ms).sort((a, b) => a - b);
  const cpuPer1k = Object.fromEntries(
    pids.map((p, i) => [p.name, ((cpuAfter[i] - cpuBefore[i]) * 1e6) / (acceptedEvents || 1)]),
  );
  return {
    level: level.name,
    batch: level.batch,
    connections: level.connections,
    targetRate: level.eventsPerSec ?? '',
    seconds: result.seconds,
    requests: accepted.length,
    events: acceptedEvents,
    eventsPerSec: acceptedEvents / result.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: result.errors,
    non2xx: result.non2xx,
    lagP50: lag.p50,
    lagMax: lag.max,
    drain: lag.drain,
    visible: lag.visible,
    cpuMsPer1k: cpuPer1k,
    clientCpuMsPer1k: ((client.user + client.system) / 1000 / (acceptedEvents || 1)) * 1000,
    load1,
    otherCores,
  };
}

function printRow(stack, row) {
  const cpu = Object.entries(row.cpuMsPer1k)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');
  process.stdout.write(
    `${stack.padEnd(9)} ${row.level.padEnd(14)} client ${row.clientCpuMsPer1k.toFixed(1)} ms/1k  ${Math.round(row.eventsPerSec)} ev/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  lag p50 ${row.lagP50.toFixed(2)} s max ${row.lagMax.toFixed(2)} s  visible ${row.visible}/${row.events}  CPU ms/1k events: ${cpu}  errors ${row.errors} non2xx ${row.non2xx}  load ${row.load1.toFixed(1)}, other work ${row.otherCores.toFixed(2)} cores\n`,
  );
}

async function runStack({ stack, levels, duration, keys, main, options, firstDay }) {
  const rows = [];
  const versions = {};
  const cleanups = [];
  const env = { ...options.serviceEnv };
  const pids = [];
  try {
    if (stack === 'jetstream') {
      const js = await prepareJetStream(options.natsUrl);
      cleanups.push(() => js.cleanup());
      versions.nats = js.version;
      env.NATS_URL = options.natsUrl;
      let chUrl = options.clickhouseUrl;
      const before = new Set(await findProcesses('clickhouse-server'));
      if (!chUrl) {
        const server = await startClickHouseServer({ httpPort: 18323, tcpPort: 19300 });
        cleanups.push(() => server.stop());
        chUrl = server.url;
      }
      const servers = await findProcesses('clickhouse-server');
      // Ours is the one that was not there before; a server given by URL counts if it is alone.
      const clickhouse = options.clickhouseUrl
        ? servers.length === 1
          ? servers[0]
          : undefined
        : servers.find((pid) => !before.has(pid));
      const database = `bench_ingest_${Date.now().toString(36)}`;
      cleanups.push(() => dropClickHouseDatabase(chUrl, database));
      versions.clickhouse = await clickHouseVersion(chUrl);
      env.CLICKHOUSE_URL = chUrl;
      env.CLICKHOUSE_DATABASE = database;
      pids.push({ name: 'clickhouse', pid: clickhouse });
      pids.push({ name: 'nats', pid: (await findProcesses('nats-server'))[0] });
    }
    const service = await startService({
      main,
      jwksUrl: keys.jwksUrl,
      env,
      cpuProfileDir: options.cpuProfileDir,
      nodeArgs: options.nodeArgs,
    });
    cleanups.push(() => service.stop());
    pids.unshift({ name: 'service', pid: service.pid });
    // Warm-up (JIT, connections, the store's first parts), not recorded.
    await measureLevel({
      service,
      adminToken: keys.adminToken,
      level: parseLevel('100x4@5000'),
      dayOffset: firstDay,
      duration: 3,
      pids,
    });
    let day = firstDay;
    for (let round = 1; round <= options.rounds; round++) {
      for (const level of levels) {
        await waitForQuiet(options.quietCores, pids);
        day++;
        const row = await measureLevel({
          service,
          adminToken: keys.adminToken,
          level,
          dayOffset: day,
          duration,
          pids,
        });
        rows.push({ ...row, round, order: levels.indexOf(level) });
        printRow(stack, row);
      }
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
  return { rows, versions };
}

/**
 * Waits (at most 10 minutes) until the rest of the machine used less than `threshold` cores over
 * the last 3 seconds: the machine is shared, and a level measured while others' test suites hold
 * the cores measures them, not the pipeline. (The load average reacts too slowly for this.)
 */
async function waitForQuiet(threshold, pids) {
  if (!threshold) return;
  const deadline = Date.now() + 10 * 60_000;
  let said = false;
  for (;;) {
    const ours = async () => {
      const each = await Promise.all(pids.map((p) => cpuSeconds(p.pid)));
      return each.reduce((sum, cpu) => sum + (cpu || 0), 0) + process.cpuUsage().user / 1e6;
    };
    const [machine0, ours0] = [await machineCpuSeconds(), await ours()];
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const others = (await machineCpuSeconds()) - machine0 - ((await ours()) - ours0);
    if (others / 3 < threshold || Date.now() > deadline) return;
    if (!said) process.stdout.write(`waiting until other work uses < ${threshold} cores...\n`);
    said = true;
  }
}

async function packageVersion(name) {
  const text = await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8');
  return JSON.parse(text).version;
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      levels: {
        type: 'string',
        default: '100x4,100x16,500x4,500x16,100x8@20000,500x8@20000',
      },
      engines: { type: 'string', default: 'embedded,jetstream' },
      'nats-url': { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
      // A running server to use instead of starting Debian's clickhouse-server here.
      'clickhouse-url': { type: 'string' },
      // Another build of the service (e.g. an older commit's), for before/after.
      'service-main': { type: 'string', default: join(root, 'services/analytics/dist/main.js') },
      // Profile the service: node --cpu-prof into this directory.
      'cpu-prof': { type: 'string' },
      // Extra environment for the service, e.g. ETL_MAX_WAIT=500ms,UV_THREADPOOL_SIZE=8.
      'service-env': { type: 'string', default: '' },
      // Extra node options for the service, space-separated, e.g. --max-semi-space-size=32.
      'service-node-args': { type: 'string', default: '' },
      label: { type: 'string', default: '' },
      // Before each level, wait until the rest of the machine uses fewer cores than this (0: no wait).
      'quiet-cores': { type: 'string', default: '0.3' },
      // Measure every level this many times (the levels in turn, round after round).
      rounds: { type: 'string', default: '3' },
      // Print only; leave docs/bench alone.
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const levels = values.levels.split(',').map(parseLevel);
  const stacks = values.engines.split(',').map((s) => s.trim());
  const startLoad = loadavg();
  const started = new Date();
  const keys = await startKeys();
  const results = [];
  try {
    for (const [i, stack] of stacks.entries()) {
      const { rows, versions } = await runStack({
        stack,
        levels,
        duration,
        keys,
        main: values['service-main'],
        options: {
          natsUrl: values['nats-url'],
          clickhouseUrl: values['clickhouse-url'],
          cpuProfileDir: values['cpu-prof'],
          quietCores: Number(values['quiet-cores']),
          rounds: Math.max(1, Number(values.rounds)),
          nodeArgs: values['service-node-args'].split(' ').filter((arg) => arg !== ''),
          serviceEnv: Object.fromEntries(
            values['service-env']
              .split(',')
              .filter((pair) => pair.includes('='))
              .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
          ),
        },
        // Stacks use different stores, but distinct days keep any mix-up visible.
        firstDay: 1 + i * (levels.length * Number(values.rounds) + 2),
      });
      results.push({ stack, rows, versions });
    }
  } finally {
    await keys.close();
  }
  const machine = {
    date: started.toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    chdb: await packageVersion('chdb'),
    autocannon: await packageVersion('autocannon'),
    undici: await packageVersion('undici'),
    startLoad: startLoad.map((l) => l.toFixed(1)).join(' / '),
    endLoad: loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
  if (!values['dry-run']) {
    await writeReport({
      root,
      results,
      machine,
      duration,
      rounds: Number(values.rounds),
      label: values.label,
    });
    process.stdout.write('\nwrote docs/bench/ingest.csv and docs/bench/ingest.md\n');
  }
}

await mkdir(join(root, 'docs', 'bench'), { recursive: true });
await main();

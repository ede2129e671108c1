// `npm run bench -- <name> [args]`: builds what a benchmark needs, then runs it. Every benchmark
// writes its results as CSV + Markdown under docs/ (machine, date and load stated).
import { spawnSync } from 'node:child_process';

const benches = {
  gateway: {
    what: 'gateway overhead: direct vs through the gateway (docs/bench/gateway.md)',
    build: ['services/gateway'],
    run: ['bench/gateway/run.mjs'],
  },
  catalog: {
    what: 'catalog search and get-by-id over 100k films, needs DATABASE_URL (docs/bench/catalog.md)',
    build: ['services/catalog', 'services/gateway'],
    run: ['bench/catalog/run.mjs'],
  },
  'engagement-read': {
    what: 'engagement reads over the 10M seed, needs DATABASE_URL (docs/research/engagement-read.md)',
    build: ['bench/engagement'],
    run: ['bench/engagement/dist/read.js'],
  },
  'engagement-write-then-read': {
    what: 'read-your-writes latency (docs/research/engagement-write-then-read.md)',
    build: ['bench/engagement'],
    run: ['bench/engagement/dist/write-then-read.js'],
  },
  ingest: {
    what: 'clickstream ingest: events/s, accept latency, lag until queryable (docs/bench/ingest.md)',
    build: ['services/analytics'],
    run: ['bench/ingest/run.mjs'],
  },
  'analytics-storage': {
    what: 'ClickHouse vs chDB vs PostgreSQL, 10M rows (docs/research/analytics-storage.md)',
    build: [],
    run: ['bench/analytics-storage/run.mjs'],
  },
  store: {
    what: 'cart list (cold/warm cache) and checkout, PGlite + Postgres if DATABASE_URL (docs/bench/store.md)',
    build: ['services/product', 'services/orders', 'services/cart'],
    run: ['bench/store/run.mjs'],
  },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  const lines = Object.entries(benches).map(([key, { what }]) => `  ${key.padEnd(28)} ${what}`);
  process.stdout.write(`usage: npm run bench -- <name> [args]\n\n${lines.join('\n')}\n`);
  process.exit(name ? 2 : 0);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (bench.build.length > 0) run('npx', ['tsc', '-b', ...bench.build]);
run(process.execPath, [...bench.run, ...args]);

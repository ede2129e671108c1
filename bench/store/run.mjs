// The store under load: cart list with 20 items (cold and warm product cache) and checkout
// throughput, on the embedded engine (PGlite) and, when DATABASE_URL is set, on Postgres.
// Writes docs/bench/store.csv and the results section of docs/bench/store.md.
//
//   npm run bench -- store [--duration 10] [--connections 16] [--orders 300]
//   npm run bench -- store --only warm|cold|checkout   (one scenario, nothing written)
//   npm run bench -- store --profile warm|cold|checkout  (that scenario; cart, and product for
//                                                      cold, orders for checkout, run with --cpu-prof)
//
// Each service is its own process (services/<name>/dist/main.js), as in production; the load
// comes from this process, on the same cores.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, startIssuer } from '@cinesync/kit/testing';
import autocannon from 'autocannon';
import { startNodeService } from '../lib/process.mjs';
import { percentile, writeResultsSection } from '../lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const docs = join(root, 'docs', 'bench');

/** 20 digital SKUs: rentals 1001–1012 and purchases 2001–2008 (stock 1,000,000 each). */
const LIST_SKUS = [
  ...Array.from({ length: 12 }, (_, i) => 1001 + i),
  ...Array.from({ length: 8 }, (_, i) => 2001 + i),
];
/** High enough that the product rate limit never waits (10 is the default). */
const UNLIMITED_RPS = '1000000';

/** Starts `services/<name>/dist/main.js` and waits for /healthz. */
const startProcess = (name, env, nodeArgs = []) =>
  startNodeService({
    main: join(root, 'services', name, 'dist', 'main.js'),
    name,
    env,
    nodeArgs,
    logLevel: 'fatal',
    timeoutMs: 60_000,
  });

/** The services' databases: a throwaway one per service on Postgres, a data dir for PGlite. */
async function storage(engine) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cinesync-bench-store-'));
  const dropped = [];
  return {
    async env() {
      if (engine !== 'postgres') return { DATA_DIR: dataDir };
      const database = await createTestDatabase(process.env.DATABASE_URL);
      dropped.push(database);
      return { DATA_DIR: dataDir, DATABASE_URL: database.url };
    },
    async close() {
      for (const database of dropped) await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function send(url, method, headers, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text;
}

/** GET /api/v1/cart under autocannon for `duration` s; latencies at full resolution. */
async function measureList({ url, headers, connections, duration, amount }) {
  const latencies = [];
  const instance = autocannon({
    url: `${url}/api/v1/cart`,
    headers,
    connections,
    ...(amount ? { amount } : { duration }),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const seconds = (result.duration ?? duration) || 1;
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** `users` carts of 2 items each, checked out by `connections` concurrent callers. */
async function measureCheckout({ cart, issuer, users, connections }) {
  const callers = [];
  for (let i = 0; i < users; i++) callers.push((await issuer.caller()).headers);
  await pool(callers, 16, async (headers, i) => {
    await send(`${cart.url}/api/v1/cart/items`, 'POST', headers, {
      sku: LIST_SKUS[i % 20],
      count: 1,
    });
    await send(`${cart.url}/api/v1/cart/items`, 'POST', headers, {
      sku: LIST_SKUS[(i + 7) % 20],
      count: 2,
    });
  });
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  await pool(callers, connections, async (headers) => {
    const t0 = performance.now();
    try {
      await send(`${cart.url}/api/v1/cart/checkout`, 'POST', headers);
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors++;
      if (errors === 1) process.stderr.write(`checkout failed: ${error.message}\n`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** Runs `work` over `items`, `width` at a time. */
async function pool(items, width, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

async function runEngine(engine, options) {
  const store = await storage(engine);
  const issuer = await startIssuer();
  const base = { JWKS_URL: issuer.jwksUrl, ORDER_PAYMENT_SWEEP_INTERVAL: '1h' };
  const profiled = (scenario, service) =>
    options.profile === scenario
      ? [
          `--cpu-prof`,
          `--cpu-prof-dir=${options.profileDir}`,
          `--cpu-prof-name=${engine}-${scenario}-${service}.cpuprofile`,
        ]
      : [];
  const [product, orders] = await Promise.all([
    store
      .env()
      .then((env) => startProcess('product', { ...base, ...env }, profiled('cold', 'product'))),
    store
      .env()
      .then((env) => startProcess('orders', { ...base, ...env }, profiled('checkout', 'orders'))),
  ]);
  const rows = [];
  const row = (scenario, connections, result) => {
    rows.push({ engine, scenario, connections, ...result });
    process.stdout.write(
      `${engine.padEnd(8)} ${scenario.padEnd(34)} c=${String(connections).padEnd(3)} ${result.rps.toFixed(1)} req/s  p50 ${result.p50.toFixed(1)}  p99 ${result.p99.toFixed(1)} ms  n=${result.requests} errors ${result.errors}\n`,
    );
  };
  const startCart = async (env, nodeArgs) =>
    startProcess(
      'cart',
      {
        ...base,
        ...(await store.env()),
        PRODUCT_URL: product.url,
        ORDERS_URL: orders.url,
        ...env,
      },
      nodeArgs,
    );
  const fill = async (cart, headers) => {
    for (const sku of LIST_SKUS)
      await send(`${cart.url}/api/v1/cart/items`, 'POST', headers, { sku, count: 1 });
  };
  const { duration, connections } = options;
  try {
    const { headers } = await issuer.caller();

    // Warm: entries live 5 min, so after the first listing every lookup is a hit.
    if (!options.only || options.only === 'warm') {
      const cart = await startCart({ PRODUCT_RPS: UNLIMITED_RPS }, profiled('warm', 'cart'));
      await fill(cart, headers);
      await measureList({ url: cart.url, headers, connections, duration: 2 });
      row(
        'list 20 items, warm cache',
        connections,
        await measureList({ url: cart.url, headers, connections, duration }),
      );
      await cart.stop();
    }

    // Cold: a 1 ms TTL makes every listing miss all 20 lookups (concurrent misses for one SKU in
    // one cart process still share a call: the cache's single-flight).
    if (!options.only || options.only === 'cold') {
      const cart = await startCart(
        { PRODUCT_RPS: UNLIMITED_RPS, PRODUCT_CACHE_TTL: '1ms' },
        profiled('cold', 'cart'),
      );
      await fill(cart, headers);
      await measureList({ url: cart.url, headers, connections: 1, duration: 2 });
      row(
        'list 20 items, cold cache',
        1,
        await measureList({ url: cart.url, headers, connections: 1, duration }),
      );
      row(
        'list 20 items, cold cache',
        connections,
        await measureList({ url: cart.url, headers, connections, duration }),
      );
      await cart.stop();
    }

    // The default limit: 10 product calls/s shared by every cart replica, burst 10.
    if (!options.only) {
      const cart = await startCart({ PRODUCT_CACHE_TTL: '1ms' });
      await fill(cart, headers);
      // Let the bucket refill after the 20 adds, then list sequentially.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      row(
        'list 20 items, cold cache, PRODUCT_RPS=10',
        1,
        await measureList({ url: cart.url, headers, connections: 1, amount: 5 }),
      );
      await cart.stop();
    }

    if (!options.only || options.only === 'checkout') {
      const cart = await startCart({ PRODUCT_RPS: UNLIMITED_RPS }, profiled('checkout', 'cart'));
      // A first round warms the JIT and the connections; the second is measured.
      await measureCheckout({ cart, issuer, users: 50, connections });
      row(
        'checkout (2 lines per cart)',
        connections,
        await measureCheckout({ cart, issuer, users: options.orders, connections }),
      );
      await cart.stop();
    }
  } finally {
    await Promise.all([product.stop(), orders.stop()]);
    await issuer.close();
    await store.close();
  }
  return rows;
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    ram: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function report(rows, { duration, orders, loadStart }) {
  const env = machine();
  const loadEnd = load();
  const fixed = (value) => (Number.isFinite(value) ? value.toFixed(1) : '–');
  const csv = ['date,engine,scenario,connections,requests,per_sec,p50_ms,p99_ms,errors'];
  const table = [
    '| engine | scenario | connections | requests | req/s (orders/s) | p50 ms | p99 ms | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    csv.push(
      [
        env.date,
        row.engine,
        `"${row.scenario}"`,
        row.connections,
        row.requests,
        fixed(row.rps),
        fixed(row.p50),
        fixed(row.p99),
        row.errors,
      ].join(','),
    );
    table.push(
      `| ${row.engine} | ${row.scenario} | ${row.connections} | ${row.requests} | ${fixed(row.rps)} | ${fixed(row.p50)} | ${fixed(row.p99)} | ${row.errors} |`,
    );
  }
  await mkdir(docs, { recursive: true });
  await writeFile(join(docs, 'store.csv'), `${csv.join('\n')}\n`);
  const section = [
    '<!-- results:start (written by bench/store/run.mjs; edit outside these markers) -->',
    `Run on ${env.date} UTC: ${env.cpu}, ${env.cores} cores, ${env.ram} RAM, Node ${env.node}. ` +
      `${duration} s per list scenario after 2 s of warm-up; checkout: ${orders} carts after a 50-cart warm-up. ` +
      `Load average (1/5/15 min) at start ${loadStart}, at end ${loadEnd}. ` +
      'The machine is shared with other work and noisy: compare rows of one run, not runs.',
    '',
    ...table,
    '<!-- results:end -->',
  ].join('\n');
  await writeResultsSection(join(docs, 'store.md'), 'Store under load', section);
  process.stdout.write('\nwrote docs/bench/store.csv and store.md\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '16' },
      orders: { type: 'string', default: '300' },
      engines: { type: 'string' },
      profile: { type: 'string' },
      only: { type: 'string' },
      'profile-dir': { type: 'string', default: join(tmpdir(), 'cinesync-store-profiles') },
    },
  });
  const options = {
    duration: Number(values.duration),
    connections: Number(values.connections),
    orders: Number(values.orders),
    profile: values.profile,
    only: values.only ?? values.profile,
    profileDir: values['profile-dir'],
  };
  const engines = values.engines
    ? values.engines.split(',')
    : ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
  const loadStart = load();
  const rows = [];
  for (const engine of engines) rows.push(...(await runEngine(engine, options)));
  // A profiling or single-scenario run is not a full set of results to publish.
  if (options.profile) process.stdout.write(`profiles in ${options.profileDir}\n`);
  if (options.only) return;
  await report(rows, { ...options, loadStart });
}

await main();

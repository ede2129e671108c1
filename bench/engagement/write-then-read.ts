import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { getFilmStats, rateFilm, study } from '@cinesync/engagement/study';
import { Pool } from 'undici';
import { runLoad, summarize } from './lib/measure.js';
import { toCsv, toMarkdown, writeText } from './lib/report.js';
import { benchDataDir, startEngagement, startIssuer } from './lib/service.js';
import { benchArgs, databaseUrl, openBenchDb, pick } from './lib/setup.js';

/**
 * Write-then-read: set a rating, then read the film's stats until they show it. Each worker owns
 * one film, so the stats it reads must equal exactly what its write committed (returned by the
 * PUT / by rateFilm); a read that shows anything else is stale and is retried, timing the wait.
 */
const args = benchArgs();
const url = databaseUrl(args);
const { db, context } = await openBenchDb(args, url, 10);
const maxWorkers = Math.max(...args.concurrency);
const films = await study.sampleIds(db, 'ratedFilms', maxWorkers * 2);
const raters = await study.sampleIds(db, 'raters', 2_000);
if (films.length < maxWorkers * 2) throw new Error('not enough films for one per worker');

const issuer = await startIssuer();
const tokens = new Map<string, string>();
for (const user of raters) tokens.set(user, `Bearer ${await issuer.sign(user)}`);
const dataDir = await benchDataDir();
const service =
  url && args.layers.includes('http')
    ? await startEngagement(url, issuer.jwksUrl, dataDir)
    : undefined;

interface Phases {
  write: number[];
  read: number[];
  stale: number;
}

type Stats = Record<string, unknown>;

async function json(
  pool: Pool,
  method: 'GET' | 'PUT',
  path: string,
  auth?: string,
  body?: unknown,
) {
  const response = await pool.request({
    method,
    path,
    headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await response.body.json()) as Stats;
  if (response.statusCode >= 300) throw new Error(`HTTP ${response.statusCode} for ${path}`);
  return parsed;
}

/** One iteration: returns after the read shows the write; records both phases. */
async function writeThenRead(
  phases: Phases,
  write: () => Promise<Stats>,
  read: () => Promise<Stats>,
): Promise<void> {
  let started = performance.now();
  const expected = await write();
  phases.write.push(performance.now() - started);
  started = performance.now();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) phases.stale++;
    if (isDeepStrictEqual(await read(), expected)) break;
    if (attempt > 1000) throw new Error('write never became visible');
  }
  phases.read.push(performance.now() - started);
}

const offsets = { http: 0, sql: maxWorkers };
const header = [
  'layer',
  'concurrency',
  'iterations',
  'errors',
  'iterations_per_s',
  'stale_reads',
  'write_p50_ms',
  'write_p99_ms',
  'visible_after_p50_ms',
  'visible_after_p99_ms',
  'total_p50_ms',
  'total_p95_ms',
  'total_p99_ms',
];
const rows: (string | number)[][] = [];

try {
  for (const concurrency of args.concurrency) {
    for (const layer of args.layers) {
      const phases: Phases = { write: [], read: [], stale: 0 };
      // Separate films per layer, so neither layer's runs see the other's ratings.
      const filmOf = (worker: number) => films[offsets[layer] + worker] ?? '';
      const pool = service ? new Pool(service.url, { connections: concurrency }) : undefined;
      const writer = { db, published: () => {} };
      const task = (worker: number) => {
        const filmId = filmOf(worker);
        const userId = pick(raters);
        const value = 1 + Math.floor(Math.random() * 10);
        if (layer === 'http' && pool) {
          return writeThenRead(
            phases,
            async () =>
              (await json(pool, 'PUT', '/api/v1/ratings', tokens.get(userId), { filmId, value }))
                .stats as Stats,
            () => json(pool, 'GET', `/api/v1/films/${filmId}/stats`),
          );
        }
        return writeThenRead(
          phases,
          async () => ({ ...(await rateFilm(writer, userId, filmId, value)).stats }),
          async () => ({ ...(await getFilmStats(db, filmId)) }),
        );
      };
      await runLoad({ concurrency, durationMs: args.warmupMs, warmupMs: 0, task });
      phases.write.length = 0;
      phases.read.length = 0;
      phases.stale = 0;
      const total = await runLoad({ concurrency, durationMs: args.durationMs, warmupMs: 0, task });
      await pool?.close();
      const write = summarize(phases.write, 0, total.seconds);
      const read = summarize(phases.read, 0, total.seconds);
      rows.push([
        layer,
        concurrency,
        total.requests,
        total.errors,
        total.throughput,
        phases.stale,
        write.p50,
        write.p99,
        read.p50,
        read.p99,
        total.p50,
        total.p95,
        total.p99,
      ]);
      process.stderr.write(
        `${layer.padEnd(4)} c=${String(concurrency).padStart(3)} ${total.throughput.toFixed(0).padStart(6)} it/s  ` +
          `write p99 ${write.p99.toFixed(2)}  visible-after p99 ${read.p99.toFixed(2)}  ` +
          `total p99 ${total.p99.toFixed(2)} ms  stale ${phases.stale}  errors ${total.errors}\n`,
      );
    }
  }
} finally {
  await service?.stop();
  await issuer.close();
  await rm(dataDir, { recursive: true, force: true });
}

await db.close();
await writeText(`${args.out}/engagement-write-then-read${context.suffix}.csv`, toCsv(header, rows));
const summary = [
  `Machine: ${context.machine.cpu}, ${context.machine.cores} cores, ${context.machine.ramGiB} GiB RAM, Node ${context.machine.node}`,
  `Database: ${context.engine.split(',')[0]}, ${(context.databaseBytes / 1024 ** 3).toFixed(2)} GiB`,
  `Date: ${context.machine.date}; ${args.durationMs / 1000} s per run after ${args.warmupMs / 1000} s warm-up; 1-min load average ${context.machine.load.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end`,
  '',
  toMarkdown(header, rows),
  '',
].join('\n');
await writeText(`${args.out}/engagement-write-then-read${context.suffix}.md`, summary);
process.stdout.write(summary);

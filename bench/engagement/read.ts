import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { listBookmarks, listFilmReviews, ratings, study } from '@cinesync/engagement/study';
import { Pool } from 'undici';
import { type RunResult, runLoad, runOpenLoad } from './lib/measure.js';
import { toCsv, toMarkdown, writeText } from './lib/report.js';
import { benchDataDir, startEngagement, startIssuer } from './lib/service.js';
import { benchArgs, databaseUrl, openBenchDb, pick } from './lib/setup.js';

/**
 * Read latency of the engagement API over the seeded database: a film's stats (likes/dislikes), a
 * user's bookmarks, a film's reviews by votes and by date; through HTTP (the real service in its
 * own process) and at the SQL level (the same repository code on a pg pool).
 */
const args = benchArgs();
const url = databaseUrl(args);
const { db, context } = await openBenchDb(args, url, 10);
const films = await study.sampleIds(db, 'ratedFilms', 2_000);
const users = await study.sampleIds(db, 'bookmarkUsers', 2_000);
const reviewed = await study.sampleIds(db, 'reviewedFilms', 2_000);
process.stderr.write(
  `sampled ${films.length} films, ${users.length} users, ${reviewed.length} reviewed films\n`,
);

const issuer = await startIssuer();
const tokens = new Map<string, string>();
for (const user of users) tokens.set(user, `Bearer ${await issuer.sign(user)}`);
const dataDir = await benchDataDir();
const service =
  url && args.layers.includes('http')
    ? await startEngagement(url, issuer.jwksUrl, dataDir)
    : undefined;

type Scenario = { name: string; http: (pool: Pool) => Promise<void>; sql: () => Promise<void> };

async function get(pool: Pool, path: string, authorization?: string) {
  const response = await pool.request({
    method: 'GET',
    path,
    headers: authorization ? { authorization } : {},
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode} for ${path}`);
}

const page = { page: 1, pageSize: 20 };
const scenarios: Scenario[] = [
  {
    name: 'film stats',
    http: (pool) => get(pool, `/api/v1/films/${pick(films)}/stats`),
    sql: async () => {
      await ratings.findStats(db, pick(films));
    },
  },
  {
    name: 'user bookmarks',
    http: (pool) => {
      const user = pick(users);
      return get(pool, '/api/v1/bookmarks', tokens.get(user));
    },
    sql: async () => {
      await listBookmarks(db, pick(users), page);
    },
  },
  {
    name: 'film reviews top',
    http: (pool) => get(pool, `/api/v1/films/${pick(reviewed)}/reviews?sort=top`),
    sql: async () => {
      await listFilmReviews(db, null, pick(reviewed), 'top', page);
    },
  },
  {
    name: 'film reviews new',
    http: (pool) => get(pool, `/api/v1/films/${pick(reviewed)}/reviews?sort=new`),
    sql: async () => {
      await listFilmReviews(db, null, pick(reviewed), 'new', page);
    },
  },
];

const header = [
  'layer',
  'loop',
  'scenario',
  'concurrency',
  'target_rps',
  'requests',
  'errors',
  'rps',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'max_ms',
];
const rows: (string | number)[][] = [];
/** `concurrency`: in-flight requests (closed loop) or open connections (open loop). */
const record = (
  layer: string,
  scenario: string,
  concurrency: number,
  r: RunResult,
  targetRps?: number,
) => {
  const loop = targetRps === undefined ? 'closed' : 'open';
  rows.push([
    layer,
    loop,
    scenario,
    concurrency,
    targetRps ?? '',
    r.requests,
    r.errors,
    r.throughput,
    r.p50,
    r.p95,
    r.p99,
    r.max,
  ]);
  process.stderr.write(
    `${layer.padEnd(4)} ${loop.padEnd(6)} ${scenario.padEnd(17)} c=${String(concurrency).padStart(3)} ` +
      `${r.throughput.toFixed(0).padStart(6)} rps  p50 ${r.p50.toFixed(2)}  p95 ${r.p95.toFixed(2)}  ` +
      `p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}\n`,
  );
};

try {
  for (const scenario of scenarios) {
    for (const concurrency of args.concurrency) {
      if (service) {
        const pool = new Pool(service.url, { connections: concurrency, pipelining: 1 });
        const result = await runLoad({
          concurrency,
          durationMs: args.durationMs,
          warmupMs: args.warmupMs,
          task: () => scenario.http(pool),
        });
        await pool.close();
        record('http', scenario.name, concurrency, result);
      }
      if (args.layers.includes('sql')) {
        const result = await runLoad({
          concurrency,
          durationMs: args.durationMs,
          warmupMs: args.warmupMs,
          task: scenario.sql,
        });
        record('sql', scenario.name, concurrency, result);
      }
    }
    for (const rate of args.openRates) {
      const connections = args.openConnections;
      const common = { rate, durationMs: args.durationMs, warmupMs: args.warmupMs };
      if (service) {
        const pool = new Pool(service.url, { connections, pipelining: 1 });
        const result = await runOpenLoad({ ...common, task: () => scenario.http(pool) });
        await pool.close();
        record('http', scenario.name, connections, result, rate);
      }
      if (args.layers.includes('sql')) {
        const result = await runOpenLoad({ ...common, task: scenario.sql });
        record('sql', scenario.name, url ? 10 : 1, result, rate);
      }
    }
  }
} finally {
  await service?.stop();
  await issuer.close();
  await rm(dataDir, { recursive: true, force: true });
}

const sizes = await study.tableSizes(db);
await db.close();
await writeText(`${args.out}/engagement-read${context.suffix}.csv`, toCsv(header, rows));
const summary = [
  `Machine: ${context.machine.cpu}, ${context.machine.cores} cores, ${context.machine.ramGiB} GiB RAM, Node ${context.machine.node}`,
  `Database: ${context.engine.split(',')[0]}, ${(context.databaseBytes / 1024 ** 3).toFixed(2)} GiB; ${sizes
    .map((s) => `${s.table} ${s.rows.toLocaleString('en-US')} rows`)
    .join(', ')}`,
  `Date: ${context.machine.date}; ${args.durationMs / 1000} s per run after ${args.warmupMs / 1000} s warm-up; ${url ? 'service and SQL pool: 10 connections' : 'PGlite: one connection'}; 1-min load average ${context.machine.load.toFixed(1)} at start, ${loadavg()[0]?.toFixed(1)} at end`,
  '',
  toMarkdown(header, rows),
  '',
].join('\n');
await writeText(`${args.out}/engagement-read${context.suffix}.md`, summary);
process.stdout.write(summary);

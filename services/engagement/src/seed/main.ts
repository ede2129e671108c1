import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openDb } from '@cinesync/kit/db';
import { outboxMigrations } from '@cinesync/kit/outbox';
import pg from 'pg';
import { study } from '../repository/index.js';
import { planFor } from './plan.js';
import { seed } from './seed.js';
import { copyWriter, unnestWriter } from './writers.js';

/**
 * `npm run seed:engagement -- --rows 10000000 [--films N] [--ratings-per-user N] [--reset]`
 *
 * Into DATABASE_URL when set (COPY FROM STDIN, indexes built after the load), else into the
 * embedded database the service uses (DATA_DIR/engagement/db, batched INSERTs).
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    films: { type: 'string' },
    'ratings-per-user': { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});

const int = (raw: string | undefined, name: string) => {
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
};

const plan = planFor(int(values.rows, 'rows') ?? 100_000, {
  films: int(values.films, 'films'),
  ratingsPerUser: int(values['ratings-per-user'], 'ratings-per-user'),
});
const url = process.env.DATABASE_URL;
const dataDir = resolve(process.env.DATA_DIR ?? '.data', 'engagement', 'db');
process.stderr.write(
  `seeding ${url ? 'Postgres (DATABASE_URL)' : `PGlite at ${dataDir}`}: ` +
    `${plan.ratings.toLocaleString('en-US')} ratings by ${plan.users.toLocaleString('en-US')} users ` +
    `of ${plan.films.toLocaleString('en-US')} films\n`,
);

const db = await openDb({ url, dataDir, name: 'engagement-seed' });
const copyClient = url ? new pg.Client({ connectionString: url }) : undefined;
try {
  await migrate(db, {
    dir: new URL('../../migrations/', import.meta.url),
    sets: [outboxMigrations],
  });
  await copyClient?.connect();
  const report = await seed(db, {
    plan,
    writer: copyClient ? copyWriter(copyClient) : unnestWriter(db),
    reset: values.reset,
    deferKeys: url !== undefined,
  });
  const sizes = await study.tableSizes(db);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  process.stderr.write(`\nseeded in ${(report.totalMs / 1000).toFixed(1)} s\n`);
  for (const [step, ms] of Object.entries(report.timings)) {
    process.stderr.write(`  ${step.padEnd(32)} ${(ms / 1000).toFixed(1).padStart(7)} s\n`);
  }
  for (const size of sizes) {
    process.stderr.write(
      `  ${size.table.padEnd(16)} ${size.rows.toLocaleString('en-US').padStart(12)} rows  ` +
        `table ${mb(size.tableBytes).padStart(8)}  indexes ${mb(size.indexBytes).padStart(8)}\n`,
    );
  }
  process.stderr.write(`  database        ${mb(await study.databaseSize(db))}\n`);
  process.stdout.write(`${JSON.stringify({ plan, ...report, sizes })}\n`);
} finally {
  await copyClient?.end();
  await db.close();
}

import type { Db } from '@cinesync/kit/db';
import { study } from '../repository/index.js';
import type { SeedPlan } from './plan.js';
import { Progress } from './progress.js';
import { seedTables } from './rows.js';
import type { TableWriter } from './writers.js';

export interface SeedOptions {
  plan: SeedPlan;
  writer: TableWriter;
  /** Empty the tables first; without it a database that has rows is refused. */
  reset?: boolean;
  /** Drop keys, foreign keys and indexes during the load and build them after (Postgres). */
  deferKeys?: boolean;
  log?: (line: string) => void;
  /** Where the progress bar is drawn; stderr unless given. */
  progress?: (text: string) => void;
}

export interface SeedReport {
  rows: Record<string, number>;
  /** Milliseconds per step: one per table, then indexes, film_stats, analyze. */
  timings: Record<string, number>;
  totalMs: number;
}

async function timed<T>(timings: Record<string, number>, step: string, fn: () => Promise<T>) {
  const started = Date.now();
  const result = await fn();
  timings[step] = Date.now() - started;
  return result;
}

/** Fills the engagement tables with the plan's rows, then derives film_stats from the ratings. */
export async function seed(db: Db, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  const timings: Record<string, number> = {};
  const rows: Record<string, number> = {};

  if (await study.hasAnyRows(db)) {
    if (!options.reset)
      throw new Error('the engagement tables have rows: pass --reset to empty them');
    await study.truncateAll(db);
  }
  const deferred = options.deferKeys
    ? await study.deferrableDefinitions(db, [
        'ratings',
        'bookmarks',
        'reviews',
        'review_votes',
        'review_comments',
      ])
    : [];
  await study.dropDeferred(db, deferred);

  for (const table of seedTables) {
    const progress = new Progress(table.name, table.count(options.plan), options.progress);
    rows[table.name] = await options.writer(table, table.rows(options.plan), progress);
    timings[table.name] = progress.finish();
  }
  for (const item of deferred) {
    log(`building ${item.name}`);
    await timed(timings, item.name, () => study.createDeferred(db, item));
  }
  rows.film_stats = await timed(timings, 'film_stats', () => study.rebuildFilmStats(db));
  await timed(timings, 'analyze', () => study.analyze(db));
  return { rows, timings, totalMs: Date.now() - started };
}

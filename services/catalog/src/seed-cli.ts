import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Db, openDb } from '@cinesync/kit/db';
import { migrateCatalog, pgliteExtensions } from './db.js';
import { seedSyntheticFilms } from './demo/seed.js';

const USAGE = `Usage: npm run seed:catalog -- --films N [--seed S] [--batch B]

Inserts N synthetic films (deterministic: the same N and seed give the same films) into
DATABASE_URL, or else into the embedded database under DATA_DIR/catalog (default .data/catalog;
stop \`npm start\` first: an embedded database has one user at a time).
Films already there are skipped, so running it again, or with a larger N, is safe.`;

function positiveInt(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer, got ${raw ?? 'nothing'}`);
  }
  return value;
}

/** npm runs workspace scripts in the workspace folder; paths are meant from where npm was run. */
function embeddedDir(): string {
  const base = process.env.INIT_CWD ?? process.cwd();
  const dataDir = process.env.DATA_DIR || '.data';
  return join(isAbsolute(dataDir) ? dataDir : resolve(base, dataDir), 'catalog', 'db');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      films: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const films = positiveInt('films', values.films);
  const seed = positiveInt('seed', values.seed, 42);
  const batchSize = positiveInt('batch', values.batch, 1000);

  const url = process.env.DATABASE_URL;
  const target = url ? 'DATABASE_URL' : embeddedDir();
  const db: Db = url
    ? await openDb({ url, poolMax: 2, name: 'catalog-seed' })
    : await openDb({ dataDir: embeddedDir(), pgliteExtensions });
  try {
    await migrateCatalog(db);
    process.stdout.write(`seeding ${films} synthetic films (seed ${seed}) into ${target}\n`);
    const started = performance.now();
    let lastReport = 0;
    const inserted = await seedSyntheticFilms(db, {
      films,
      seed,
      batchSize,
      onProgress(done, added) {
        const now = performance.now();
        if (done < films && now - lastReport < 2000) return;
        lastReport = now;
        const rate = Math.round(done / ((now - started) / 1000));
        const percent = Math.floor((done / films) * 100);
        process.stdout.write(`  ${done}/${films} (${percent}%), ${added} new, ${rate} films/s\n`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `done: ${inserted} inserted, ${films - inserted} already there, ${seconds} s\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 1;
});

import { parseArgs } from 'node:util';
import { study } from '@cinesync/engagement/study';
import { openDb } from '@cinesync/kit/db';
import { machine } from './machine.js';

export interface BenchArgs {
  concurrency: number[];
  durationMs: number;
  warmupMs: number;
  layers: ('http' | 'sql')[];
  /** Open-loop runs: requests per second sent over `openConnections` connections. */
  openRates: number[];
  openConnections: number;
  out: string;
  /** The embedded engine's data directory (`--pglite DIR`): SQL level only, files named *-pglite. */
  pglite: string | undefined;
}

/**
 * Options of both benches: `--concurrency 1,10,50,200 --duration 3 --warmup 1 --layers http,sql`
 * (closed loop), and for the read bench `--open-rates 500,1000 --open-connections 200` (open loop).
 */
export function benchArgs(): BenchArgs {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '1,10,50,200' },
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      layers: { type: 'string', default: 'http,sql' },
      'open-rates': { type: 'string', default: '500,1000' },
      'open-connections': { type: 'string', default: '200' },
      out: { type: 'string', default: 'docs/research' },
      pglite: { type: 'string' },
    },
  });
  return {
    concurrency: values.concurrency.split(',').map(Number),
    durationMs: Number(values.duration) * 1000,
    warmupMs: Number(values.warmup) * 1000,
    layers: values.layers
      .split(',')
      .filter((l): l is 'http' | 'sql' => l === 'http' || l === 'sql'),
    openRates: values['open-rates'].split(',').filter(Boolean).map(Number),
    openConnections: Number(values['open-connections']),
    out: values.out,
    pglite: values.pglite,
  };
}

/** Where the seeded data is: `--pglite DIR`, else DATABASE_URL. */
export function databaseUrl(args: BenchArgs): string | undefined {
  if (args.pglite) return undefined;
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'set DATABASE_URL to the seeded database, or pass --pglite DIR (npm run seed:engagement first)',
    );
  }
  return url;
}

/** The database the bench reads from, with the facts every report starts with. */
export async function openBenchDb(args: BenchArgs, url: string | undefined, poolMax: number) {
  const db = await openDb(
    url ? { url, poolMax, name: 'engagement-bench' } : { dataDir: args.pglite },
  );
  const context = {
    machine: machine(),
    engine: url ? await study.serverVersion(db) : `PGlite (embedded) in ${args.pglite}`,
    databaseBytes: await study.databaseSize(db),
    /** Suffix of the result files: the embedded engine's results sit next to Postgres's. */
    suffix: url ? '' : '-pglite',
  };
  return { db, context };
}

export const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

import type { Db } from '@cinesync/kit/db';
import { insertFilms, vacuumAnalyzeCatalog } from '../repository/index.js';
import { syntheticFilms } from './generate.js';

export interface SeedOptions {
  films: number;
  seed: number;
  batchSize: number;
  /** Called after each batch with the films done so far (inserted or already there). */
  onProgress?: (done: number, inserted: number) => void;
}

/**
 * Inserts synthetic films 0..films-1 of the seed's set, one transaction per batch. Films already
 * present (same id) are skipped, so re-running is harmless and a larger N only adds the rest.
 * No events are emitted: this is test data at load-test scale. Returns the films inserted.
 */
export async function seedSyntheticFilms(db: Db, options: SeedOptions): Promise<number> {
  let inserted = 0;
  for (let from = 0; from < options.films; from += options.batchSize) {
    const to = Math.min(options.films, from + options.batchSize);
    const batch = syntheticFilms(options.seed, from, to);
    inserted += await db.transaction(
      async (tx) => (await insertFilms(tx, batch, { skipExisting: true })).length,
    );
    options.onProgress?.(to, inserted);
  }
  if (inserted > 0) await vacuumAnalyzeCatalog(db);
  return inserted;
}

import type { Db } from '@cinesync/kit/db';
import { insertFilms, lockCatalogForBulkLoad } from '../repository/index.js';
import { type DemoFilm, demoFilmToNew } from './demo-films.js';

const BATCH = 250;

/**
 * Loads the demo films when the catalog has no film at all; otherwise does nothing. One
 * transaction under an advisory lock, so two replicas starting together load it once and a crash
 * mid-way leaves nothing half-loaded. Bulk loads emit no events. Returns the films inserted.
 */
export async function loadDemoIfEmpty(db: Db, films: readonly DemoFilm[]): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await lockCatalogForBulkLoad(tx))) return 0;
    let inserted = 0;
    for (let start = 0; start < films.length; start += BATCH) {
      const batch = films.slice(start, start + BATCH).map(demoFilmToNew);
      inserted += (await insertFilms(tx, batch, { skipExisting: true })).length;
    }
    return inserted;
  });
}

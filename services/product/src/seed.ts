import { STORE_ITEMS } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import { insertMissing } from './repository.js';

/**
 * Puts the demo store's products in place at start: the first start fills an empty table, later
 * ones only add SKUs new to the list. Idempotent, so every replica may run it.
 */
export function seedProducts(db: Db): Promise<number> {
  return insertMissing(db, STORE_ITEMS);
}

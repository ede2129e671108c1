import { STORE_ITEMS } from '@cinesync/contracts/store';
import type { Db } from '@cinesync/kit/db';
import { insertMissingStocks } from './repository.js';

/**
 * Stocks the warehouse with the demo store's SKUs (limited merchandise, plentiful digital items)
 * the first time each is seen; levels that orders have since changed are left alone.
 */
export function seedStocks(db: Db): Promise<number> {
  return insertMissingStocks(db, STORE_ITEMS);
}

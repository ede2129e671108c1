import type { Tx } from '@cinesync/kit/db';

/**
 * Takes the demo-load lock for this transaction and says whether the films table is empty.
 * A replica that waited for the lock sees the other's committed films and skips.
 */
export async function lockCatalogForBulkLoad(tx: Tx): Promise<boolean> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['cinesync.catalog.demo-load']);
  const { rows } = await tx.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM films) AS empty',
  );
  return rows[0]?.empty === true;
}

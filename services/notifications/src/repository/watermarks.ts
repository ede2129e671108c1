import type { Tx } from '@cinesync/kit/db';

/**
 * Records `occurredAt` as the aggregate's latest event unless a later one was already handled.
 * False means the event is stale. The row lock serialises handlers of one aggregate until commit.
 */
export async function advanceWatermark(
  tx: Tx,
  aggregate: string,
  occurredAt: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO watermarks (aggregate, occurred_at) VALUES ($1, $2)
     ON CONFLICT (aggregate) DO UPDATE SET occurred_at = EXCLUDED.occurred_at
     WHERE watermarks.occurred_at <= EXCLUDED.occurred_at`,
    [aggregate, occurredAt],
  );
  return rowCount === 1;
}

import type { Queryable } from '@cinesync/kit/db';

/**
 * Deletes inbox claims older than the retention. The kit prunes the inbox from its outbox relay,
 * which this service does not run (it publishes nothing), so it does it here. A claim only has to
 * outlive any redelivery of its message: minutes, not days.
 */
export async function pruneInbox(q: Queryable, retentionMs: number): Promise<number> {
  const { rowCount } = await q.query(
    "DELETE FROM inbox WHERE processed_at < now() - $1::float8 * interval '1 millisecond'",
    [retentionMs],
  );
  return rowCount;
}

/** Deletes finished deliveries (sent, logged, failed) older than the retention; the feed stays. */
export async function pruneDeliveries(q: Queryable, retentionMs: number): Promise<number> {
  const { rowCount } = await q.query(
    `DELETE FROM deliveries WHERE status IN ('sent', 'logged', 'failed')
       AND created_at < now() - $1::float8 * interval '1 millisecond'`,
    [retentionMs],
  );
  return rowCount;
}

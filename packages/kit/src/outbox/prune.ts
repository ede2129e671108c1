import type { Db } from '../db/index.js';

/**
 * Keeps the outbox and inbox from growing forever. An inbox row must outlive any redelivery of its
 * message, which comes at the latest when a crashed relay restarts, so days are plenty.
 */
export async function pruneProcessed(
  db: Db,
  retentionMs: number,
): Promise<{ outbox: number; inbox: number }> {
  const cutoff = new Date(Date.now() - retentionMs);
  const outbox = await db.query(
    'DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < $1',
    [cutoff],
  );
  const inbox = await db.query('DELETE FROM inbox WHERE processed_at < $1', [cutoff]);
  return { outbox: outbox.rowCount, inbox: inbox.rowCount };
}

import type { Tx } from '../db/index.js';
import { OUTBOX_LOCK_CLASS } from './locks.js';
import { uuidv7 } from './uuid.js';

export interface OutboxEvent {
  /** `<service>.<entity>.<verb>`, e.g. `orders.order.placed`. */
  subject: string;
  /** Ordering key, usually the aggregate id: events of one key reach consumers in enqueue order. */
  key: string;
  /** Stored as jsonb and published as JSON. */
  payload: unknown;
  headers?: Record<string, string>;
  /** A UUID; also the bus message id, so consumers can de-duplicate. Default: a new UUIDv7. */
  id?: string;
}

/**
 * Writes the event in the caller's transaction, so it is published if and only if the business
 * change commits. Call `relay.notify()` after the commit to publish without waiting for a poll.
 *
 * Same-key writers are serialised until commit (a transaction advisory lock on the key), so
 * `seq` order is commit order per key and the relay can never publish a later event of a key
 * before an earlier one that was still uncommitted. Enqueueing several keys in one transaction
 * in different orders may therefore deadlock; Postgres then aborts one with 40P01.
 */
export async function enqueue(tx: Tx, event: OutboxEvent): Promise<string> {
  const id = event.id ?? uuidv7();
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [OUTBOX_LOCK_CLASS, event.key]);
  await tx.query(
    'INSERT INTO outbox (id, subject, key, payload, headers) VALUES ($1, $2, $3, $4, $5)',
    [
      id,
      event.subject,
      event.key,
      JSON.stringify(event.payload ?? null),
      JSON.stringify(event.headers ?? {}),
    ],
  );
  return id;
}

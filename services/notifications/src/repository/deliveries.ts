import type { Queryable, Tx } from '@cinesync/kit/db';

export interface NewDelivery {
  id: string;
  notificationId: string;
  userId: string;
  /** Null while the user's address is unknown: the delivery waits for it. */
  to: string | null;
  subject: string;
  text: string;
  html: string;
}

export interface ClaimedDelivery {
  id: string;
  userId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Including this one. */
  attempts: number;
}

export async function insertDelivery(tx: Tx, d: NewDelivery): Promise<void> {
  await tx.query(
    `INSERT INTO deliveries (id, notification_id, user_id, to_address, subject, text_body, html_body, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      d.id,
      d.notificationId,
      d.userId,
      d.to,
      d.subject,
      d.text,
      d.html,
      d.to === null ? 'waiting' : 'pending',
    ],
  );
}

/**
 * Gives the user's waiting deliveries their address. They take new seqs, one by one in their old
 * order, so they queue behind whatever this transaction wrote before (the welcome mail first).
 */
export async function releaseWaiting(tx: Tx, userId: string, to: string): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    "SELECT id FROM deliveries WHERE user_id = $1 AND status = 'waiting' ORDER BY seq",
    [userId],
  );
  for (const { id } of rows) {
    await tx.query(
      `UPDATE deliveries SET status = 'pending', to_address = $2, next_attempt_at = now(),
         seq = nextval(pg_get_serial_sequence('deliveries', 'seq'))
       WHERE id = $1`,
      [id, to],
    );
  }
  return rows.length;
}

type ClaimRow = {
  id: string;
  user_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
};

/**
 * Leases up to `limit` due deliveries, each the oldest open one of its user, so one user's mails
 * go out in order even with several senders. The lease (not a held transaction) protects the send:
 * a sender that dies leaves the row to be claimed again once `locked_until` passes.
 */
export async function claimDue(
  q: Queryable,
  options: { limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const { rows } = await q.query<ClaimRow>(
    `UPDATE deliveries SET attempts = attempts + 1,
       locked_until = now() + $2::float8 * interval '1 millisecond'
     WHERE id IN (
       SELECT d.id FROM deliveries d
       WHERE d.status = 'pending' AND d.next_attempt_at <= now()
         AND (d.locked_until IS NULL OR d.locked_until < now())
         AND NOT EXISTS (
           SELECT 1 FROM deliveries e
           WHERE e.user_id = d.user_id AND e.status IN ('waiting', 'pending') AND e.seq < d.seq)
       ORDER BY d.seq LIMIT $1
       FOR UPDATE OF d SKIP LOCKED)
     RETURNING id, user_id, to_address, subject, text_body, html_body, attempts`,
    [options.limit, options.leaseMs],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    attempts: row.attempts,
  }));
}

export async function markDelivered(
  q: Queryable,
  id: string,
  status: 'sent' | 'logged',
  providerMessageId: string | null,
): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = $2, provider_message_id = $3, delivered_at = now(),
       locked_until = NULL, last_error = NULL
     WHERE id = $1`,
    [id, status, providerMessageId],
  );
}

export async function scheduleRetry(
  q: Queryable,
  id: string,
  error: string,
  delayMs: number,
): Promise<void> {
  await q.query(
    `UPDATE deliveries SET next_attempt_at = now() + $3::float8 * interval '1 millisecond',
       locked_until = NULL, last_error = $2
     WHERE id = $1`,
    [id, error, delayMs],
  );
}

export async function markFailed(q: Queryable, id: string, error: string): Promise<void> {
  await q.query(
    `UPDATE deliveries SET status = 'failed', locked_until = NULL, last_error = $2 WHERE id = $1`,
    [id, error],
  );
}

/** Gives up on deliveries that waited longer than `maxWaitMs` for the user's address. */
export async function expireWaiting(q: Queryable, maxWaitMs: number): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE deliveries SET status = 'failed', last_error = 'no address: the user was never registered here'
     WHERE status = 'waiting' AND created_at < now() - $1::float8 * interval '1 millisecond'`,
    [maxWaitMs],
  );
  return rowCount;
}

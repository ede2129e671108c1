import type { Bus, Delivery, SubscribeOptions, Subscription } from '../bus/index.js';
import type { Db, Tx } from '../db/index.js';

/** Runs inside the inbox transaction: write the effect with `tx` and it commits with the claim. */
export type InboxHandler = (tx: Tx, message: Delivery) => Promise<void>;

/**
 * A durable subscription whose handler runs at most once per message id and durable, however
 * often the bus delivers it. In one transaction: claim (durable, message id) in the inbox, run the
 * handler, commit; the bus acks only after the commit. A handler that throws rolls the claim back,
 * so the retry runs it again. Replicas racing on one message wait on the inbox row; the loser skips.
 */
export function consume(
  db: Db,
  bus: Bus,
  options: SubscribeOptions,
  handler: InboxHandler,
): Subscription {
  return bus.subscribe(options, (message) =>
    db.transaction(async (tx) => {
      const claim = await tx.query(
        'INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [options.durable, message.id],
      );
      if (claim.rowCount === 0) return;
      await handler(tx, message);
    }),
  );
}

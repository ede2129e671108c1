/**
 * Advisory lock ids, in the two-int4 key space so they never meet the migration runner's lock.
 * Transaction-scoped locks only: session locks do not survive pgbouncer's transaction pooling.
 */
export const OUTBOX_LOCK_CLASS = 0x0c5e_0b01;
/** Second key of the relay's lock: one relay publishes at a time per database. */
export const RELAY_LOCK = 0;

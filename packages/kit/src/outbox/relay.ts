import type { Bus } from '../bus/index.js';
import type { Db, Row } from '../db/index.js';
import { PollingWorker } from '../worker/index.js';
import { OUTBOX_LOCK_CLASS, RELAY_LOCK } from './locks.js';
import { pruneProcessed } from './prune.js';

/** Minimal logger; a pino logger fits. */
export interface OutboxLogger {
  error(fields: object, message: string): void;
}

export interface OutboxRelayOptions {
  db: Db;
  bus: Bus;
  /** Rows per round; a full round is followed by another at once. Default 100. */
  batchSize?: number;
  /** Poll interval when nobody calls notify(), e.g. for rows written by other replicas. Default 1000. */
  intervalMs?: number;
  /** Published outbox rows and inbox rows older than this are deleted. Default 7 days. */
  retentionMs?: number;
  /** How often to prune. Default 1 hour. */
  pruneEveryMs?: number;
  log?: OutboxLogger;
  /** Called after each round with the rows it published (metrics, tests). */
  onRound?: (published: number) => void;
}

interface OutboxRow extends Row {
  id: string;
  subject: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows in `seq` order with the row id as message id, then marks them.
 * A crash between publish and mark republishes those rows: the bus drops repeats inside its
 * duplicate window and consumers' inboxes drop the rest, so the effect is exactly once.
 */
export class OutboxRelay {
  private readonly db: Db;
  private readonly bus: Bus;
  private readonly batchSize: number;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;
  private readonly onRound: (published: number) => void;
  private readonly worker: PollingWorker;
  private lastPrune = 0;

  constructor(options: OutboxRelayOptions) {
    this.db = options.db;
    this.bus = options.bus;
    this.batchSize = options.batchSize ?? 100;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
    this.onRound = options.onRound ?? (() => {});
    this.worker = new PollingWorker({
      name: 'outbox relay round',
      poll: () => this.round(),
      intervalMs: options.intervalMs ?? 1000,
      log: options.log,
    });
  }

  start(): void {
    this.worker.start();
  }

  /** Resolves once the round in flight, if any, has finished. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Publish now rather than at the next poll; call after committing a transaction that enqueued. */
  notify(): void {
    this.worker.notify();
  }

  /**
   * One round: returns how many rows it published, 0 when another replica's relay holds the lock.
   * The lock and the marks share one transaction, so a relay that dies mid-round marks nothing and
   * frees the lock with its connection.
   */
  async runOnce(): Promise<number> {
    let failure: { error: unknown } | undefined;
    const published = await this.db.transaction(async (tx) => {
      const lock = await tx.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
        [OUTBOX_LOCK_CLASS, RELAY_LOCK],
      );
      if (lock.rows[0]?.locked !== true) return 0;
      const { rows } = await tx.query<OutboxRow>(
        `SELECT id, subject, key, payload, headers FROM outbox
         WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.batchSize],
      );
      const done: string[] = [];
      for (const row of rows) {
        try {
          await this.bus.publish({
            id: row.id,
            subject: row.subject,
            key: row.key,
            payload: row.payload,
            headers: row.headers,
          });
        } catch (error) {
          // Stop here: publishing later rows would put them ahead of this one for its key.
          failure = { error };
          break;
        }
        done.push(row.id);
      }
      if (done.length > 0) {
        await tx.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [done]);
      }
      return done.length;
    });
    if (failure) throw failure.error;
    return published;
  }

  /** Deletes published outbox rows and inbox rows older than the retention. */
  prune(): Promise<{ outbox: number; inbox: number }> {
    return pruneProcessed(this.db, this.retentionMs);
  }

  /** A background round; after a full batch more rows are waiting, so the next starts at once. */
  private async round(): Promise<boolean> {
    const published = await this.runOnce();
    this.onRound(published);
    if (Date.now() - this.lastPrune >= this.pruneEveryMs) {
      this.lastPrune = Date.now();
      await this.prune();
    }
    return published >= this.batchSize;
  }
}

import type { Bus } from '../bus/index.js';
import type { Db, Row } from '../db/index.js';
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

const silent: OutboxLogger = { error() {} };

/**
 * Publishes committed outbox rows in `seq` order with the row id as message id, then marks them.
 * A crash between publish and mark republishes those rows: the bus drops repeats inside its
 * duplicate window and consumers' inboxes drop the rest, so the effect is exactly once.
 */
export class OutboxRelay {
  private readonly db: Db;
  private readonly bus: Bus;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly retentionMs: number;
  private readonly pruneEveryMs: number;
  private readonly log: OutboxLogger;
  private readonly onRound: (published: number) => void;
  private loop: Promise<void> | undefined;
  private running = false;
  private notified = false;
  private wake: (() => void) | undefined;
  private lastPrune = 0;

  constructor(options: OutboxRelayOptions) {
    this.db = options.db;
    this.bus = options.bus;
    this.batchSize = options.batchSize ?? 100;
    this.intervalMs = options.intervalMs ?? 1000;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3_600_000;
    this.pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
    this.log = options.log ?? silent;
    this.onRound = options.onRound ?? (() => {});
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Resolves once the round in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Publish now rather than at the next poll; call after committing a transaction that enqueued. */
  notify(): void {
    this.notified = true;
    this.wake?.();
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

  private async run(): Promise<void> {
    while (this.running) {
      this.notified = false;
      let full = false;
      try {
        const published = await this.runOnce();
        full = published >= this.batchSize;
        this.onRound(published);
        if (Date.now() - this.lastPrune >= this.pruneEveryMs) {
          this.lastPrune = Date.now();
          await this.prune();
        }
      } catch (err) {
        this.log.error({ err }, 'outbox relay round failed');
      }
      if (!full) await this.idle();
    }
  }

  private idle(): Promise<void> {
    if (!this.running || this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.intervalMs);
      this.wake = done;
    });
  }
}

import type { Queryable } from '@cinesync/kit/db';
import { PollingWorker } from '@cinesync/kit/worker';
import { type NotificationRow, notificationsAfter } from './repository/index.js';

export interface LiveFeedOptions {
  db: Queryable;
  /** How often connected users' feeds are read when nobody wakes us (other replicas' writes). */
  pollMs?: number;
  /** Rows per read; a full read is followed by another at once. */
  batchSize?: number;
  log?: { error(fields: object, message: string): void };
}

interface Follower {
  userId: string;
  /** Highest seq this follower has been sent. */
  after: number;
  send(notification: NotificationRow): void;
}

/**
 * Fan-out to the live streams connected to this replica. It reads the feed table after each
 * follower's cursor: at once when woken (this replica's consumer committed), else every `pollMs`,
 * which picks up what other replicas' consumers wrote. Seqs are per user and in commit order, so a
 * cursor never skips a notification, and every replica sees every notification of its users
 * whichever replica handled the event.
 */
export class LiveFeed {
  private readonly db: Queryable;
  private readonly batchSize: number;
  private readonly log: LiveFeedOptions['log'];
  private readonly followers = new Set<Follower>();
  private readonly worker: PollingWorker;

  constructor(options: LiveFeedOptions) {
    this.db = options.db;
    this.batchSize = options.batchSize ?? 200;
    this.log = options.log;
    this.worker = new PollingWorker({
      name: 'live feed read',
      // Nobody connected to this replica: nothing to read until someone follows (which wakes us).
      poll: async () => this.followers.size > 0 && (await this.pollOnce()) >= this.batchSize,
      intervalMs: options.pollMs ?? 1000,
      log: options.log,
    });
  }

  get size(): number {
    return this.followers.size;
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Sends the user's notifications with a seq above `after` as they appear; call the result to stop. */
  follow(userId: string, after: number, send: (notification: NotificationRow) => void): () => void {
    const follower: Follower = { userId, after, send };
    this.followers.add(follower);
    this.wake();
    return () => {
      this.followers.delete(follower);
    };
  }

  /** Read now rather than at the next poll: a notification was just committed. */
  wake(): void {
    this.worker.notify();
  }

  private cursors(): Map<string, number> {
    const cursors = new Map<string, number>();
    for (const { userId, after } of this.followers) {
      cursors.set(userId, Math.min(after, cursors.get(userId) ?? after));
    }
    return cursors;
  }

  /** One read and fan-out; returns the rows read. */
  async pollOnce(): Promise<number> {
    const rows = await notificationsAfter(this.db, this.cursors(), this.batchSize);
    for (const row of rows) {
      for (const follower of this.followers) {
        if (follower.userId !== row.userId || follower.after >= row.seq) continue;
        follower.after = row.seq;
        try {
          follower.send(row);
        } catch (err) {
          this.followers.delete(follower);
          this.log?.error({ err }, 'live stream write failed; dropped the stream');
        }
      }
    }
    return rows.length;
  }
}

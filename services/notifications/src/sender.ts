import type { Db } from '@cinesync/kit/db';
import { PollingWorker } from '@cinesync/kit/worker';
import { isPermanent, type Mailer } from './mailer.js';
import {
  type ClaimedDelivery,
  claimDue,
  expireWaiting,
  markDelivered,
  markFailed,
  pruneDeliveries,
  pruneInbox,
  scheduleRetry,
} from './repository/index.js';

export interface SenderLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface SenderOptions {
  db: Db;
  mailer: Mailer;
  log: SenderLogger;
  /** Attempts before a delivery is marked failed. Default 10. */
  maxAttempts?: number;
  /** Wait before the first retry; doubles per attempt, capped at one hour. Default 10 s. */
  retryDelayMs?: number;
  /** How long a delivery may wait for its address. Default one day. */
  addressWaitMs?: number;
  /** Deliveries claimed and sent at once per round. Default 10. */
  batchSize?: number;
  /** Poll interval when not woken: retries coming due, rows written by other replicas. Default 1 s. */
  intervalMs?: number;
  /** A claimed delivery is another sender's again after this. Must exceed the longest send. Default 2 min. */
  leaseMs?: number;
  /** Called after each delivery reaches sent/logged/failed or is rescheduled (tests, metrics). */
  onResult?: (result: SendResult) => void;
}

export interface SendResult {
  deliveryId: string;
  outcome: 'sent' | 'logged' | 'retry' | 'failed';
}

const MAX_RETRY_DELAY_MS = 3_600_000;
const HOUSEKEEPING_EVERY_MS = 60_000;
const INBOX_RETENTION_MS = 7 * 86_400_000;
const DELIVERY_RETENTION_MS = 30 * 86_400_000;

const describe = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Sends pending deliveries: claim (a committed lease), send, mark. A crash before the send leaves
 * the lease to run out and the mail goes out later; a crash after the SMTP server accepted the
 * mail but before the mark sends it again once the lease has run out: at least once, with the
 * same Message-ID, so mail systems can drop the repeat.
 */
export class MailSender {
  private readonly db: Db;
  private readonly mailer: Mailer;
  private readonly log: SenderLogger;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly addressWaitMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly onResult: (result: SendResult) => void;
  private readonly worker: PollingWorker;
  private lastHousekeeping = 0;

  constructor(options: SenderOptions) {
    this.db = options.db;
    this.mailer = options.mailer;
    this.log = options.log;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.retryDelayMs = options.retryDelayMs ?? 10_000;
    this.addressWaitMs = options.addressWaitMs ?? 86_400_000;
    this.batchSize = options.batchSize ?? 10;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.onResult = options.onResult ?? (() => {});
    this.worker = new PollingWorker({
      name: 'mail sender round',
      poll: () => this.round(),
      intervalMs: options.intervalMs ?? 1000,
      log: this.log,
    });
  }

  start(): void {
    this.worker.start();
  }

  /** Resolves once the round in flight, if any, has finished. */
  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** Look for work now instead of at the next poll. */
  notify(): void {
    this.worker.notify();
  }

  /** One round: claims due deliveries and sends them; returns how many it claimed. */
  async runOnce(): Promise<number> {
    const claimed = await claimDue(this.db, { limit: this.batchSize, leaseMs: this.leaseMs });
    // One delivery per user at most, so sending them at once keeps every user's order; and the
    // round lasts as long as the slowest send, not their sum, well inside the lease.
    const results = await Promise.allSettled(claimed.map((delivery) => this.deliver(delivery)));
    for (const result of results) {
      if (result.status === 'rejected') {
        // The lease runs out and the delivery is tried again.
        this.log.error({ err: result.reason }, 'recording a delivery result failed');
      }
    }
    return claimed.length;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    let messageId: string | null;
    try {
      ({ messageId } = await this.mailer.send(delivery));
    } catch (error) {
      await this.failed(delivery, error);
      return;
    }
    await markDelivered(this.db, delivery.id, this.mailer.outcome, messageId);
    this.onResult({ deliveryId: delivery.id, outcome: this.mailer.outcome });
  }

  private async failed(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const reason = describe(error);
    if (isPermanent(error) || delivery.attempts >= this.maxAttempts) {
      await markFailed(this.db, delivery.id, reason);
      this.log.error(
        { deliveryId: delivery.id, attempts: delivery.attempts, reason },
        'e-mail delivery failed for good',
      );
      this.onResult({ deliveryId: delivery.id, outcome: 'failed' });
      return;
    }
    const delayMs = Math.min(this.retryDelayMs * 2 ** (delivery.attempts - 1), MAX_RETRY_DELAY_MS);
    await scheduleRetry(this.db, delivery.id, reason, delayMs);
    this.log.warn(
      { deliveryId: delivery.id, attempts: delivery.attempts, delayMs, reason },
      'e-mail delivery failed; retrying later',
    );
    this.onResult({ deliveryId: delivery.id, outcome: 'retry' });
  }

  /** Once a minute: give up on mails that waited too long for an address, drop old rows. */
  private async housekeeping(): Promise<void> {
    if (Date.now() - this.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    this.lastHousekeeping = Date.now();
    const expired = await expireWaiting(this.db, this.addressWaitMs);
    if (expired > 0) {
      this.log.warn({ expired }, 'dropped e-mails whose recipient never registered');
    }
    await pruneDeliveries(this.db, DELIVERY_RETENTION_MS);
    await pruneInbox(this.db, INBOX_RETENTION_MS);
  }

  private async round(): Promise<boolean> {
    await this.housekeeping();
    // A claimed delivery may have unblocked the next one of its user: look again at once.
    return (await this.runOnce()) > 0;
  }
}

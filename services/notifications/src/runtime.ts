import type { Bus } from '@cinesync/kit/bus';
import type { Db } from '@cinesync/kit/db';
import type { Logger } from '@cinesync/kit/log';
import { afterCommit } from './after-commit.js';
import { startConsumer } from './consumer.js';
import { defaultSubjects, type Subjects } from './events.js';
import { LiveFeed } from './live.js';
import type { Mailer } from './mailer.js';
import { MailSender, type SenderOptions } from './sender.js';

export interface RuntimeOptions {
  db: Db;
  bus: Bus;
  mailer: Mailer;
  logger: Logger;
  publicUrl: string;
  durable?: string;
  subjects?: Subjects;
  /** Event deliveries before dead-lettering, and the waits between them. */
  consumer?: { maxAttempts?: number; backoffMs?: number[] };
  sender?: Omit<SenderOptions, 'db' | 'mailer' | 'log'>;
  /** Poll interval of the live streams' cross-replica read. */
  livePollMs?: number;
}

/** The background work of one replica; the HTTP app reads `live`. */
export interface Runtime {
  live: LiveFeed;
  sender: MailSender;
  /** Stops taking events, then lets the sender and the live feed finish their round. */
  stop(): Promise<void>;
}

export const CONSUMER_BACKOFF_MS = [500, 2_000, 10_000, 30_000, 60_000];
export const CONSUMER_MAX_ATTEMPTS = 8;

/** Starts the event consumer, the mail sender and the live fan-out on one database and bus. */
export function startRuntime(options: RuntimeOptions): Runtime {
  const { db, logger } = options;
  const live = new LiveFeed({ db, pollMs: options.livePollMs, log: logger });
  const sender = new MailSender({
    ...options.sender,
    db,
    mailer: options.mailer,
    log: logger,
  });
  live.start();
  sender.start();
  const consumerDb = afterCommit(db, () => {
    sender.notify();
    live.wake();
  });
  const subscription = startConsumer(consumerDb, options.bus, {
    durable: options.durable ?? 'notifications',
    subjects: options.subjects ?? defaultSubjects,
    maxAttempts: options.consumer?.maxAttempts ?? CONSUMER_MAX_ATTEMPTS,
    backoffMs: options.consumer?.backoffMs ?? CONSUMER_BACKOFF_MS,
    publicUrl: options.publicUrl,
    logger,
  });
  return {
    live,
    sender,
    async stop() {
      await subscription.stop();
      await Promise.all([sender.stop(), live.stop()]);
    },
  };
}

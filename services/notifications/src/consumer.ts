import type { Bus, Delivery, Subscription } from '@cinesync/kit/bus';
import type { Db, Tx } from '@cinesync/kit/db';
import type { Logger } from '@cinesync/kit/log';
import { consume } from '@cinesync/kit/outbox';
import {
  parseOrderStatusChanged,
  parseTicketUpdated,
  parseUserRegistered,
  type Subjects,
} from './events.js';
import {
  type IngestOptions,
  type Outcome,
  onOrderStatusChanged,
  onTicketUpdated,
  onUserRegistered,
} from './ingest.js';
import { inEventSpan } from './tracing.js';

export interface ConsumerOptions extends IngestOptions {
  /** Durable name shared by every replica: each event is handled by one of them. */
  durable: string;
  subjects: Subjects;
  /** Deliveries before an event goes to `dlq.<durable>`. */
  maxAttempts: number;
  backoffMs: number[];
  logger: Logger;
}

type Handle = (tx: Tx, message: Delivery) => Promise<Outcome>;

/**
 * One durable, inbox-idempotent subscription for every event this service reads. An event that
 * cannot be parsed or handled throws: the bus retries it with backoff, then dead-letters it, while
 * other keys go on.
 */
export function startConsumer(db: Db, bus: Bus, options: ConsumerOptions): Subscription {
  const { subjects } = options;
  const handlers = new Map<string, Handle>([
    [
      subjects.userRegistered,
      (tx, m) => onUserRegistered(tx, parseUserRegistered(m.payload), m.id, options),
    ],
    [
      subjects.orderStatusChanged,
      (tx, m) => onOrderStatusChanged(tx, parseOrderStatusChanged(m.payload), m.id, options),
    ],
    [
      subjects.ticketUpdated,
      (tx, m) => onTicketUpdated(tx, parseTicketUpdated(m.payload), m.id, options),
    ],
  ]);
  return consume(
    db,
    bus,
    {
      durable: options.durable,
      subjects: [...handlers.keys()],
      maxAttempts: options.maxAttempts,
      backoffMs: options.backoffMs,
    },
    async (tx, message) => {
      const handle = handlers.get(message.subject);
      if (!handle) return;
      try {
        await inEventSpan(message, async () => {
          const outcome = await handle(tx, message);
          options.logger.debug(
            { subject: message.subject, messageId: message.id, outcome },
            'event handled',
          );
        });
      } catch (err) {
        options.logger.warn(
          { err, subject: message.subject, messageId: message.id, attempt: message.attempt },
          'event failed; the bus retries it, then dead-letters it',
        );
        throw err;
      }
    },
  );
}

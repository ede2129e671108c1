import { AnalyticsEventRecordedV1, analyticsEventRecorded } from '@cinesync/contracts';
import {
  type Bus,
  type Delivery,
  DLQ_ATTEMPTS_HEADER,
  DLQ_ERROR_HEADER,
  DLQ_ID_HEADER,
  DLQ_SUBJECT_HEADER,
  dlqSubject,
  type Subscription,
} from '@cinesync/kit/bus';
import type { Logger } from '@cinesync/kit/log';
import { Value } from 'typebox/value';
import type { AnalyticsRepository, EventRow } from '../repository/index.js';
import { toRow } from './rows.js';

export const ETL_DURABLE = 'analytics-etl';

export interface EtlOptions {
  bus: Bus;
  repository: AnalyticsRepository;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  durable?: string;
  /** Default: the contract's subject. Tests on a shared JetStream pick their own. */
  subject?: string;
  /** Rows per insert... */
  maxBatch: number;
  /** ...or fewer, once the oldest event has waited this long. */
  maxWaitMs: number;
  /** Failed tries of one event, alone, before the bus dead-letters it. */
  maxAttempts: number;
  backoffMs?: number[];
  /** Pauses between pings while the engine is unreachable; the last one repeats. */
  reconnectDelaysMs?: number[];
}

export interface Etl {
  /** Stops taking batches; a batch in flight finishes (or, if the engine is down, is left unacked). */
  stop(): Promise<void>;
}

class StoppingError extends Error {
  override readonly name = 'StoppingError';
}

/**
 * Moves events from the bus into the events table, thousands per insert. The batch is acked only
 * after its insert succeeded, so a crash means redelivery, never loss, and redelivered rows are
 * collapsed by the table (see repository.ts): exactly-once effect per event id.
 *
 * Failures are sorted by cause. A payload that is not a valid v1 event can never be inserted, so
 * it is dead-lettered at once and its batch goes on. An insert that fails while the engine is
 * unreachable is held and retried until the engine is back, so an outage does not burn through
 * attempts and dead-letter good events. An insert that fails while the engine answers is thrown
 * to the bus, which retries the batch, then tries its events alone and dead-letters only the one
 * that keeps failing.
 */
export function startEtl(options: EtlOptions): Etl {
  const durable = options.durable ?? ETL_DURABLE;
  const reconnectDelays = options.reconnectDelaysMs ?? [200, 500, 1000, 2000, 5000];
  const { bus, repository, logger } = options;
  let stopping = false;
  const sleepers = new Set<() => void>();

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const reachable = () =>
    repository.ping().then(
      () => true,
      () => false,
    );

  async function waitForEngine(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (stopping) throw new StoppingError('stopping while the analytics store is unreachable');
      await pause(reconnectDelays[Math.min(attempt, reconnectDelays.length - 1)] ?? 1000);
      if (!stopping && (await reachable())) return;
    }
  }

  async function insert(rows: EventRow[]): Promise<void> {
    for (;;) {
      try {
        await repository.insertEvents(rows);
        return;
      } catch (error) {
        if (stopping || (await reachable())) throw error;
        logger.warn(
          { err: error, rows: rows.length },
          'analytics store unreachable; holding batch',
        );
        await waitForEngine();
      }
    }
  }

  async function deadLetter(delivery: Delivery, reason: string): Promise<void> {
    logger.warn({ id: delivery.id, reason }, 'dead-lettering an analytics event');
    await bus.publish({
      subject: dlqSubject(durable),
      // Same id scheme as the bus's own dead letters, so a repeat after a crash is stored once.
      id: `${durable}:${delivery.id}`,
      key: delivery.key,
      payload: delivery.payload,
      headers: {
        ...delivery.headers,
        [DLQ_ERROR_HEADER]: reason.replace(/[\r\n]+/g, ' ').slice(0, 1024),
        [DLQ_SUBJECT_HEADER]: delivery.subject,
        [DLQ_ID_HEADER]: delivery.id,
        [DLQ_ATTEMPTS_HEADER]: String(delivery.attempt),
      },
    });
  }

  const subscription: Subscription = bus.subscribeBatch(
    {
      durable,
      subjects: [options.subject ?? analyticsEventRecorded.subject],
      maxBatch: options.maxBatch,
      maxWaitMs: options.maxWaitMs,
      maxAttempts: options.maxAttempts,
      backoffMs: options.backoffMs,
    },
    async (deliveries) => {
      const rows: EventRow[] = [];
      const invalid: Promise<void>[] = [];
      for (const delivery of deliveries) {
        if (Value.Check(AnalyticsEventRecordedV1, delivery.payload)) {
          rows.push(toRow(delivery.payload));
        } else {
          invalid.push(deadLetter(delivery, 'payload is not a valid analytics.event.recorded v1'));
        }
      }
      await Promise.all(invalid);
      if (rows.length > 0) await insert(rows);
    },
  );

  return {
    async stop() {
      stopping = true;
      for (const wake of [...sleepers]) wake();
      await subscription.stop();
    },
  };
}

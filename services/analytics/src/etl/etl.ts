import { analyticsEventsAccepted } from '@cinesync/contracts';
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
import type { AnalyticsRepository, EventRow } from '../repository/index.js';
import { RowBatcher } from './row-batcher.js';
import { type UnpackedRow, unpack } from './unpack.js';

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
  /**
   * Tries of one message. The first goes in a shared insert, later ones alone; the last one
   * splits the message down to the events the store refuses and dead-letters just those.
   */
  maxAttempts: number;
  /**
   * Bus messages held at once (default 128). Bounds memory (each holds up to a request's events)
   * and, for tiny messages, the rows of one insert: a batch is inserted at once when all wait in it.
   */
  maxMessages?: number;
  backoffMs?: number[];
  /** Pauses between pings while the engine is unreachable; the last one repeats. */
  reconnectDelaysMs?: number[];
}

export const DEFAULT_ETL_MAX_MESSAGES = 128;

export interface Etl {
  /** Stops taking messages; an insert in flight finishes (or, if the engine is down, is left unacked). */
  stop(): Promise<void>;
}

class StoppingError extends Error {
  override readonly name = 'StoppingError';
}

/** Event headers on a dead letter that holds one event of a message. */
export const DLQ_EVENT_INDEX_HEADER = 'Analytics-Event-Index';
export const DLQ_EVENT_ID_HEADER = 'Analytics-Event-Id';

/**
 * Moves events from the bus into the events table, thousands of rows per insert gathered from
 * many messages (each message holds one ingest request's events). A message is acked only after
 * the insert that carried its rows succeeded, so a crash means redelivery, never loss, and
 * redelivered rows are collapsed by the table (see repository.ts): exactly-once effect per event
 * id.
 *
 * Failures are sorted by cause. An event that is not a valid client event can never be inserted,
 * so it is dead-lettered at once, alone, and the rest of its message goes on (a message without
 * a valid envelope is dead-lettered whole). An insert that fails while the engine is unreachable
 * is held and retried until the engine is back, so an outage does not burn through attempts and
 * dead-letter good events. An insert that fails while the engine answers fails its messages; the
 * bus retries each alone, and on the last attempt the message is split in halves down to the
 * events the engine refuses, which are dead-lettered while the rest is inserted.
 */
export function startEtl(options: EtlOptions): Etl {
  const durable = options.durable ?? ETL_DURABLE;
  const reconnectDelays = options.reconnectDelaysMs ?? [200, 500, 1000, 2000, 5000];
  const maxMessages = Math.max(1, options.maxMessages ?? DEFAULT_ETL_MAX_MESSAGES);
  const { bus, repository, logger, maxAttempts } = options;
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

  const batcher = new RowBatcher({
    maxRows: Math.max(1, options.maxBatch),
    maxWaitMs: options.maxWaitMs,
    maxMessages,
    insert,
  });

  /** The whole message, or (with `event`) one of its events alone, to `dlq.<durable>`. */
  async function deadLetter(
    delivery: Delivery,
    reason: string,
    event?: { index: number; id?: string; payload: unknown },
  ): Promise<void> {
    logger.warn(
      { id: delivery.id, event: event?.index, reason },
      'dead-lettering analytics events',
    );
    const headers: Record<string, string> = {
      ...delivery.headers,
      [DLQ_ERROR_HEADER]: reason.replace(/[\r\n]+/g, ' ').slice(0, 1024),
      [DLQ_SUBJECT_HEADER]: delivery.subject,
      [DLQ_ID_HEADER]: delivery.id,
      [DLQ_ATTEMPTS_HEADER]: String(delivery.attempt),
    };
    if (event) {
      headers[DLQ_EVENT_INDEX_HEADER] = String(event.index);
      if (event.id) headers[DLQ_EVENT_ID_HEADER] = event.id;
    }
    await bus.publish({
      subject: dlqSubject(durable),
      // Stable, like the bus's own dead letters, so a repeat after a crash is stored once.
      id: event ? `${durable}:${delivery.id}:${event.index}` : `${durable}:${delivery.id}`,
      key: delivery.key,
      payload: event?.payload ?? delivery.payload,
      headers,
    });
  }

  /**
   * Last attempt of a message: inserts it, and if the engine refuses, halves it until what is
   * refused is single events, which are dead-lettered (each as a message of its own, which can
   * be replayed by publishing it back to the subject in its headers); the rest is inserted.
   */
  async function isolate(
    delivery: Delivery,
    envelope: { receivedAt: string; userId: string | null },
    rows: UnpackedRow[],
  ): Promise<void> {
    try {
      await insert(rows.map((item) => item.row));
      return;
    } catch (error) {
      if (error instanceof StoppingError) throw error;
      const only = rows.length === 1 ? rows[0] : undefined;
      if (!only) {
        const middle = Math.ceil(rows.length / 2);
        await isolate(delivery, envelope, rows.slice(0, middle));
        await isolate(delivery, envelope, rows.slice(middle));
        return;
      }
      const events = (delivery.payload as { events: unknown[] }).events;
      await deadLetter(delivery, errorText(error), {
        index: only.index,
        id: only.eventId,
        payload: { version: 1, ...envelope, events: [events[only.index]] },
      });
    }
  }

  async function handle(delivery: Delivery): Promise<void> {
    const unpacked = unpack(delivery.payload);
    if (!unpacked.ok) {
      await deadLetter(delivery, unpacked.reason);
      return;
    }
    const envelope = { receivedAt: unpacked.receivedAt, userId: unpacked.userId };
    await Promise.all(
      unpacked.refused.map((event) =>
        deadLetter(delivery, event.reason, {
          index: event.index,
          id: eventIdOf(event.value),
          payload: { version: 1, ...envelope, events: [event.value] },
        }),
      ),
    );
    const { rows } = unpacked;
    if (rows.length === 0) return;
    try {
      // A retry goes alone, so a message that breaks shared inserts cannot sink its neighbours.
      if (delivery.attempt === 1) await batcher.add(rows.map((item) => item.row));
      else await insert(rows.map((item) => item.row));
    } catch (error) {
      if (delivery.attempt < maxAttempts || error instanceof StoppingError) throw error;
      await isolate(delivery, envelope, rows);
    }
  }

  const subscription: Subscription = bus.subscribe(
    {
      durable,
      subjects: [options.subject ?? analyticsEventsAccepted.subject],
      concurrency: maxMessages,
      maxAttempts,
      backoffMs: options.backoffMs,
    },
    handle,
  );

  return {
    async stop() {
      stopping = true;
      batcher.close();
      for (const wake of [...sleepers]) wake();
      await subscription.stop();
    },
  };
}

function eventIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  return typeof value.id === 'string' ? value.id : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

import {
  type AnalyticsEventRecordedV1,
  analyticsEventRecorded,
  type ClientEventV1,
} from '@cinesync/contracts';
import type { Bus } from '@cinesync/kit/bus';
import { serviceUnavailable, validation } from '@cinesync/kit/http';
import { type IngestLimits, validateIngestBody } from './validate.js';

export interface IngestorOptions {
  bus: Bus;
  limits: IngestLimits;
  logger: { warn(fields: object, message: string): void };
  /** Default: the contract's subject. Tests on a shared JetStream pick their own. */
  subject?: string;
  now?: () => Date;
}

export interface IngestResult {
  accepted: number;
}

/**
 * Validates a request body and puts each event on the bus, one message per event with the
 * client's event id as message id (so a resent batch is stored once by the bus). Resolves only
 * when every publish is durably acknowledged; if one fails, the caller gets 503 and resends the
 * whole batch, which is safe for the events that did get through.
 */
export function createIngestor(options: IngestorOptions) {
  const now = options.now ?? (() => new Date());

  async function publish(event: ClientEventV1, userId: string | null, receivedAt: string) {
    const payload: AnalyticsEventRecordedV1 = { version: 1, receivedAt, userId, event };
    await options.bus.publish({
      subject: options.subject ?? analyticsEventRecorded.subject,
      id: event.id,
      key: event.sessionId,
      payload,
    });
  }

  return {
    async ingest(body: unknown, userId: string | null): Promise<IngestResult> {
      const receivedAt = now();
      const result = validateIngestBody(body, options.limits, receivedAt.getTime());
      if (!result.ok) {
        throw validation(result.errors, 'Some events are invalid; none were accepted.');
      }
      const settled = await Promise.allSettled(
        result.events.map((event) => publish(event, userId, receivedAt.toISOString())),
      );
      const failed = settled.filter((outcome) => outcome.status === 'rejected');
      if (failed.length > 0) {
        options.logger.warn(
          { err: failed[0]?.reason, failed: failed.length, of: settled.length },
          'event publish failed',
        );
        throw serviceUnavailable(
          `${failed.length} of ${settled.length} events could not be stored; resend the same events (their ids make that safe).`,
          1,
          'bus_unavailable',
        );
      }
      return { accepted: result.events.length };
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;

import { type AnalyticsEventsAcceptedV1, analyticsEventsAccepted } from '@cinesync/contracts';
import type { Bus } from '@cinesync/kit/bus';
import { serviceUnavailable, validation } from '@cinesync/kit/http';
import { type AcceptedMessage, acceptedMessages } from './messages.js';
import { type IngestLimits, validateIngestBody } from './validate.js';

export interface IngestorOptions {
  bus: Bus;
  limits: IngestLimits;
  logger: { warn(fields: object, message: string): void };
  /** Default: the contract's subject. Tests on a shared JetStream pick their own. */
  subject?: string;
  /** Most bytes of events in one bus message; larger requests become several messages. */
  maxMessageBytes?: number;
  now?: () => Date;
}

export interface IngestResult {
  accepted: number;
}

/** Below NATS' default max_payload (1 MiB), which counts headers and the envelope too. */
export const DEFAULT_MAX_MESSAGE_BYTES = 768 * 1024;

/**
 * Validates a request body and puts its events on the bus as one message (several only when
 * they exceed `maxMessageBytes`), whose id is derived from the event ids, so a resent batch is
 * stored once by the bus. Resolves only when every message is durably acknowledged; if one
 * fails, the caller gets 503 and resends the batch, which is safe: a message that did get
 * through is de-duplicated by the bus, and any other overlap by event id in the table.
 */
export function createIngestor(options: IngestorOptions) {
  const now = options.now ?? (() => new Date());
  const subject = options.subject ?? analyticsEventsAccepted.subject;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;

  async function publish(message: AcceptedMessage, userId: string | null, receivedAt: string) {
    const payload: AnalyticsEventsAcceptedV1 = {
      version: 1,
      receivedAt,
      userId,
      events: message.events,
    };
    await options.bus.publish({ subject, id: message.id, key: message.id, payload });
  }

  return {
    async ingest(body: unknown, userId: string | null): Promise<IngestResult> {
      const receivedAt = now();
      const result = validateIngestBody(body, options.limits, receivedAt.getTime());
      if (!result.ok) {
        throw validation(result.errors, 'Some events are invalid; none were accepted.');
      }
      const messages = acceptedMessages(result.events, result.bytes, maxMessageBytes);
      const settled = await Promise.allSettled(
        messages.map((message) => publish(message, userId, receivedAt.toISOString())),
      );
      const failed = settled.filter((outcome) => outcome.status === 'rejected');
      if (failed.length > 0) {
        options.logger.warn(
          { err: failed[0]?.reason, failed: failed.length, of: settled.length },
          'event publish failed',
        );
        throw serviceUnavailable(
          'The events could not be stored; resend the same events (their ids make that safe).',
          1,
          'bus_unavailable',
        );
      }
      return { accepted: result.events.length };
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;

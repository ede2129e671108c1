import {
  DLQ_ATTEMPTS_HEADER,
  DLQ_ERROR_HEADER,
  DLQ_ID_HEADER,
  DLQ_SUBJECT_HEADER,
} from './defaults.js';
import { dlqSubject } from './subjects.js';
import type { Delivery, OutgoingMessage } from './types.js';

/**
 * The message that replaces a failed one on `dlq.<durable>`. Its id joins the durable and the
 * original id: stable, so a repeated dead-lettering after a crash is de-duplicated, and distinct
 * per durable, since every dead letter shares the one DLQ stream.
 */
export function deadLetterMessage(
  durable: string,
  failed: Delivery,
  error: unknown,
  attempts: number,
): OutgoingMessage {
  return {
    subject: dlqSubject(durable),
    id: `${durable}:${failed.id}`,
    key: failed.key,
    payload: failed.payload,
    headers: {
      ...failed.headers,
      [DLQ_ERROR_HEADER]: errorText(error),
      [DLQ_SUBJECT_HEADER]: failed.subject,
      [DLQ_ID_HEADER]: failed.id,
      [DLQ_ATTEMPTS_HEADER]: String(attempts),
    },
  };
}

/** One line that fits in a message header: no newlines, bounded length. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/[\r\n]+/g, ' ').slice(0, 1024);
}

import { createHash } from 'node:crypto';
import type { ClientEventV1 } from '@cinesync/contracts';

/** One bus message's worth of accepted events, and the id the bus de-duplicates it by. */
export interface AcceptedMessage {
  id: string;
  events: ClientEventV1[];
}

/** sha256 of the sorted event ids: the same set of events always makes the same message id. */
export function messageId(eventIds: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of [...eventIds].sort()) hash.update(`${id}\n`);
  return hash.digest('hex');
}

/**
 * Splits validated events into messages of at most `maxBytes` of event JSON (an event larger
 * than that travels alone). Events are sorted by id first, so the split, and with it every
 * message id, depends only on which events a request holds, not on their order: resending the
 * batch reordered still yields messages the bus has seen.
 */
export function acceptedMessages(
  events: readonly ClientEventV1[],
  bytes: readonly number[],
  maxBytes: number,
): AcceptedMessage[] {
  const order = events.map((_, index) => index);
  order.sort((a, b) => compare(events[a]?.id ?? '', events[b]?.id ?? ''));
  const messages: AcceptedMessage[] = [];
  let current: ClientEventV1[] = [];
  let size = 0;
  const seal = () => {
    if (current.length === 0) return;
    messages.push({ id: messageId(current.map((event) => event.id)), events: current });
    current = [];
    size = 0;
  };
  for (const index of order) {
    const event = events[index];
    if (!event) continue;
    // +1 for the comma between events in the message's JSON.
    const eventBytes = (bytes[index] ?? 0) + 1;
    if (size + eventBytes > maxBytes) seal();
    current.push(event);
    size += eventBytes;
  }
  seal();
  return messages;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

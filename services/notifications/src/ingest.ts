import type { Tx } from '@cinesync/kit/db';
import { uuidv7 } from '@cinesync/kit/outbox';
import type { OrderStatusChanged, TicketUpdated, UserRegistered } from './events.js';
import { getPreferences, wantsEmail } from './preferences.js';
import {
  advanceWatermark,
  findRecipient,
  insertDelivery,
  insertNotification,
  insertRecipient,
  type Recipient,
  releaseWaiting,
  updateRecipient,
} from './repository/index.js';
import {
  type Audience,
  type Message,
  orderMessage,
  ticketMessage,
  welcomeMessage,
} from './templates/index.js';

/**
 * What the consumer does with each event, inside the inbox transaction: record the in-app
 * notification and, when the user wants that kind of e-mail, a delivery for the sender. Nothing is
 * sent here, so a rolled-back transaction leaves no trace and a committed one is never lost.
 */

export interface IngestOptions {
  /** Base of the links in messages. */
  publicUrl: string;
}

/** What became of an event, for logs and tests. */
export type Outcome = 'notified' | 'stale' | 'silent' | 'known';

const audienceOf = (recipient: Recipient | undefined, options: IngestOptions): Audience => ({
  name: recipient?.displayName.trim() || null,
  publicUrl: options.publicUrl,
});

async function record(
  tx: Tx,
  userId: string,
  eventId: string,
  message: Message,
  recipient: Recipient | undefined,
): Promise<void> {
  const notification = await insertNotification(tx, {
    id: uuidv7(),
    userId,
    eventId,
    category: message.category,
    type: message.type,
    title: message.title,
    body: message.body,
    link: message.link,
    data: message.data,
  });
  if (!wantsEmail(await getPreferences(tx, userId), message.category)) return;
  // No address yet (the registration event has not arrived): the delivery waits for it.
  await insertDelivery(tx, {
    id: uuidv7(),
    notificationId: notification.id,
    userId,
    to: recipient?.email ?? null,
    ...message.email,
  });
}

/** Remembers the address and sends the welcome once per user, however often the event comes. */
export async function onUserRegistered(
  tx: Tx,
  event: UserRegistered,
  eventId: string,
  options: IngestOptions,
): Promise<Outcome> {
  const recipient: Recipient = {
    userId: event.userId,
    email: event.email,
    displayName: event.displayName,
  };
  const isNew = await insertRecipient(tx, recipient, event.occurredAt);
  if (isNew) {
    await record(
      tx,
      event.userId,
      eventId,
      welcomeMessage(audienceOf(recipient, options)),
      recipient,
    );
  } else {
    await updateRecipient(tx, recipient);
  }
  await releaseWaiting(tx, event.userId, event.email);
  return isNew ? 'notified' : 'known';
}

export async function onOrderStatusChanged(
  tx: Tx,
  event: OrderStatusChanged,
  eventId: string,
  options: IngestOptions,
): Promise<Outcome> {
  // Telling "please pay" after "paid" would mislead: a late, older event is dropped.
  if (!(await advanceWatermark(tx, `order:${event.orderId}`, event.occurredAt))) return 'stale';
  const recipient = await findRecipient(tx, event.userId);
  const message = orderMessage(event, audienceOf(recipient, options));
  if (!message) return 'silent';
  await record(tx, event.userId, eventId, message, recipient);
  return 'notified';
}

export async function onTicketUpdated(
  tx: Tx,
  event: TicketUpdated,
  eventId: string,
  options: IngestOptions,
): Promise<Outcome> {
  if (!(await advanceWatermark(tx, `ticket:${event.ticketId}`, event.occurredAt))) return 'stale';
  const recipient = await findRecipient(tx, event.userId);
  await record(
    tx,
    event.userId,
    eventId,
    ticketMessage(event, audienceOf(recipient, options)),
    recipient,
  );
  return 'notified';
}

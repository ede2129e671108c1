import { describe, expect, it } from 'vitest';
import { acceptedMessages, messageId } from '../src/index.js';
import { clientEvent } from './support/events.js';

const view = () => clientEvent('page_view', { page: '/films/1', dwellMs: 1500 });
const sizes = (events: unknown[]) => events.map((e) => Buffer.byteLength(JSON.stringify(e)));

describe('accepted messages', () => {
  it('puts a batch in one message whose id depends only on which events it holds', () => {
    const events = Array.from({ length: 20 }, view);
    const [message, ...rest] = acceptedMessages(events, sizes(events), 1024 * 1024);
    expect(rest).toEqual([]);
    expect(message?.events).toHaveLength(20);
    expect(message?.id).toMatch(/^[0-9a-f]{64}$/);
    const reversed = [...events].reverse();
    expect(acceptedMessages(reversed, sizes(reversed), 1024 * 1024)[0]?.id).toBe(message?.id);
    const other = events.slice(1);
    expect(acceptedMessages(other, sizes(other), 1024 * 1024)[0]?.id).not.toBe(message?.id);
  });

  it('splits a batch larger than one message, the same way whatever the order', () => {
    const events = Array.from({ length: 30 }, view);
    const bytes = sizes(events);
    const limit = (bytes[0] ?? 0) * 7;
    const messages = acceptedMessages(events, bytes, limit);
    expect(messages.length).toBeGreaterThan(4);
    expect(messages.flatMap((m) => m.events).map((e) => e.id)).toEqual(
      events.map((e) => e.id).sort(),
    );
    for (const message of messages) {
      expect(message.id).toBe(messageId(message.events.map((e) => e.id)));
      const size = sizes(message.events).reduce((n, b) => n + b + 1, 0);
      expect(size).toBeLessThanOrEqual(limit);
    }
    const shuffled = [...events].sort(() => Math.random() - 0.5);
    expect(acceptedMessages(shuffled, sizes(shuffled), limit).map((m) => m.id)).toEqual(
      messages.map((m) => m.id),
    );
  });

  it('sends an event larger than the message limit alone rather than refusing it', () => {
    const events = [view(), view()];
    const messages = acceptedMessages(events, sizes(events), 10);
    expect(messages.map((m) => m.events.length)).toEqual([1, 1]);
  });
});

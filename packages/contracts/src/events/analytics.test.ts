import { describe, expect, it } from 'vitest';
import {
  analyticsEventRecorded,
  CLIENT_EVENT_TYPES,
  ClientEventSchemas,
  InvalidEventError,
  parseEvent,
} from '../index.js';

const base = {
  id: '0190a3c4-1111-7aaa-8bbb-123456789abc',
  occurredAt: '2025-01-02T03:04:05.678Z',
  sessionId: 's-1',
  anonymousId: 'a-1',
};

describe('analytics.event.recorded', () => {
  it('covers every client event type the spec lists', () => {
    expect(CLIENT_EVENT_TYPES.sort()).toEqual(
      ['click', 'custom', 'page_view', 'quality_change', 'search_filter', 'video_complete'].sort(),
    );
    expect(Object.keys(ClientEventSchemas)).toHaveLength(6);
  });

  it('accepts a recorded page view, for a guest and for a user', () => {
    const event = { ...base, type: 'page_view', page: '/films/1', dwellMs: 1200 };
    const recorded = { version: 1, receivedAt: base.occurredAt, userId: null, event };
    expect(parseEvent(analyticsEventRecorded, recorded)).toEqual(recorded);
    expect(parseEvent(analyticsEventRecorded, { ...recorded, userId: 'u-1' }).userId).toBe('u-1');
  });

  it('tolerates a field added by a newer producer', () => {
    const event = { ...base, type: 'click', element: 'film-card', page: '/', newField: 1 };
    const recorded = { version: 1, receivedAt: base.occurredAt, userId: null, event };
    expect(() => parseEvent(analyticsEventRecorded, recorded)).not.toThrow();
  });

  it('refuses a search filter whose name is not an identifier', () => {
    const event = { ...base, type: 'search_filter', filters: { 'bad name': 'x' } };
    const recorded = { version: 1, receivedAt: base.occurredAt, userId: null, event };
    expect(() => parseEvent(analyticsEventRecorded, recorded)).toThrow(InvalidEventError);
  });
});

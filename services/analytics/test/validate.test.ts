import { describe, expect, it } from 'vitest';
import { validateIngestBody } from '../src/ingest/validate.js';
import { clientEvent } from './support/events.js';

const limits = { maxBatch: 5, maxEventBytes: 1024 };
const view = () => clientEvent('page_view', { page: '/films/1', dwellMs: 1500 });

function errorsOf(body: unknown) {
  const result = validateIngestBody(body, limits);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.errors;
}

describe('ingest validation', () => {
  it('accepts one event, or a batch of every type', () => {
    const single = view();
    expect(validateIngestBody(single, limits)).toEqual({
      ok: true,
      events: [single],
      bytes: [Buffer.byteLength(JSON.stringify(single))],
    });
    const batch = [
      clientEvent('click', { element: 'trailer', page: '/films/1', target: 'trailer-1' }),
      clientEvent('quality_change', { filmId: 'f1', from: '720p', to: '1080p' }),
      clientEvent('video_complete', { filmId: 'f1', positionSec: 99.5, durationSec: 100 }),
      clientEvent('search_filter', { filters: { genre: ['drama'], ratingMin: 7, kids: false } }),
      clientEvent('custom', { name: 'promo.click', properties: { slot: 1, banner: null } }),
    ];
    expect(validateIngestBody({ events: batch }, limits)).toMatchObject({
      ok: true,
      events: batch,
    });
  });

  it('lists every bad event by index and field, and accepts none of the batch', () => {
    const good = view();
    const badType = { ...view(), type: 'scroll' };
    const missing = clientEvent('quality_change', { filmId: 'f1', from: '720p', to: '1080p' });
    const { to: _, ...withoutTo } = missing as typeof missing & { to: string };
    const wrong = { ...view(), dwellMs: -5, id: 'not-a-uuid', occurredAt: 'yesterday' };
    const errors = errorsOf({ events: [good, badType, withoutTo, wrong, 42] });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: '/body/events/1/type', message: expect.stringContaining('must be one of click') },
        { field: '/body/events/2/to', message: 'is required' },
        { field: '/body/events/3/dwellMs', message: expect.stringContaining('>= 0') },
        { field: '/body/events/3/id', message: expect.stringContaining('uuid') },
        { field: '/body/events/3/occurredAt', message: expect.stringContaining('date-time') },
        { field: '/body/events/4', message: 'must be an event object' },
      ]),
    );
    expect(errors.some((error) => error.field.startsWith('/body/events/0'))).toBe(false);
  });

  it('names unknown fields, so a typo is not dropped silently', () => {
    const errors = errorsOf({ ...view(), dwellMS: 10, userId: 'someone-else' });
    expect(errors).toContainEqual({
      field: '/body/dwellMS',
      message: 'is not a field of page_view events',
    });
    expect(errors).toContainEqual({
      field: '/body/userId',
      message: 'is not a field of page_view events',
    });
  });

  it('reports a union field once, saying what it accepts', () => {
    const event = clientEvent('search_filter', { filters: { genre: ['drama'] } });
    const errors = errorsOf({ ...event, filters: { genre: { nested: true }, 'bad name': 'x' } });
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: '/body/filters/genre', message: 'must be string, number, boolean or array' },
        { field: '/body/filters/bad name', message: 'is not an allowed name here' },
      ]),
    );
  });

  it('refuses an event larger than the per-event limit', () => {
    const big = clientEvent('custom', {
      name: 'big',
      properties: { text: 'x'.repeat(1000), more: 'y'.repeat(100) },
    });
    expect(errorsOf({ events: [view(), big] })).toEqual([
      { field: '/body/events/1', message: expect.stringMatching(/^is \d+ bytes; at most 1024$/) },
    ]);
  });

  it('refuses an empty batch, an oversized batch, and extra top-level fields', () => {
    expect(errorsOf({ events: [] })).toEqual([
      { field: '/body/events', message: 'must hold 1 to 5 events, got 0' },
    ]);
    const six = Array.from({ length: 6 }, view);
    expect(errorsOf({ events: six })).toEqual([
      { field: '/body/events', message: 'must hold 1 to 5 events, got 6' },
    ]);
    expect(errorsOf({ events: [view()], user: 'x' })).toContainEqual({
      field: '/body/user',
      message: 'is not allowed here',
    });
    expect(errorsOf([view()])).toEqual([
      { field: '/body', message: 'must be an event or {"events": [...]}' },
    ]);
  });

  it('refuses a repeated event id inside one batch', () => {
    const first = view();
    const again = { ...view(), id: first.id };
    expect(errorsOf({ events: [first, view(), again] })).toEqual([
      { field: '/body/events/2/id', message: 'repeats the id of event 0' },
    ]);
  });

  it('refuses clocks before 2000 or more than a day ahead', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    const past = { ...view(), occurredAt: '1999-12-31T23:59:59Z' };
    const future = { ...view(), occurredAt: '2025-06-02T00:00:01Z' };
    const soon = { ...view(), occurredAt: '2025-06-01T23:00:00Z' };
    const result = validateIngestBody({ events: [past, future, soon] }, limits, now);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([
      '/body/events/0/occurredAt',
      '/body/events/1/occurredAt',
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AcceptedEvent, toRow } from '../src/index.js';
import { storeEngines, type TestStore } from './support/engines.js';
import { at, clientEvent, knownDataset, recorded, T0 } from './support/events.js';

const hours = (n: number) => new Date(T0 + n * 3_600_000);
const range = { from: hours(0), to: hours(2) };

for (const engine of storeEngines()) {
  describe.skipIf(engine.skipReason)(`repository on ${engine.title}`, () => {
    let store: TestStore;
    let dataset: AcceptedEvent[];
    beforeEach(async () => {
      store = await engine.open();
      dataset = knownDataset();
      await store.repository.insertEvents(dataset.map(toRow));
    });
    afterEach(async () => {
      await store?.close();
    });

    it('counts events per hour and type, and filters by type', async () => {
      const all = await store.repository.eventsOverTime({ ...range, interval: 'hour' });
      const total = (hour: number) =>
        all
          .filter((c) => c.at.getTime() === hours(hour).getTime())
          .reduce((n, c) => n + c.count, 0);
      expect(total(0)).toBe(13);
      expect(total(1)).toBe(1);
      expect(all).toContainEqual({ at: hours(0), type: 'quality_change', count: 3 });
      expect(all).toContainEqual({ at: hours(1), type: 'page_view', count: 1 });

      const views = await store.repository.eventsOverTime({
        ...range,
        interval: 'minute',
        type: 'page_view',
      });
      expect(views).toEqual([
        { at: new Date(at(0)), type: 'page_view', count: 1 },
        { at: new Date(at(1)), type: 'page_view', count: 2 },
        { at: new Date(at(61)), type: 'page_view', count: 1 },
      ]);
      const days = await store.repository.eventsOverTime({ ...range, interval: 'day' });
      expect(days.every((c) => c.at.toISOString() === '2025-03-10T00:00:00.000Z')).toBe(true);
    });

    it('reads only the asked time range (from inclusive, to exclusive)', async () => {
      const second = await store.repository.eventsOverTime({
        from: hours(1),
        to: hours(2),
        interval: 'hour',
      });
      expect(second).toEqual([{ at: hours(1), type: 'page_view', count: 1 }]);
      const first = await store.repository.eventsOverTime({
        from: hours(0),
        to: hours(1),
        interval: 'hour',
      });
      expect(first.reduce((n, c) => n + c.count, 0)).toBe(13);
    });

    it('ranks films by views and by completions', async () => {
      expect(await store.repository.topFilms({ ...range, by: 'views', limit: 10 })).toEqual([
        { filmId: 'f1', views: 2, completions: 1, viewers: 3 },
        { filmId: 'f2', views: 1, completions: 2, viewers: 2 },
      ]);
      expect(await store.repository.topFilms({ ...range, by: 'completions', limit: 1 })).toEqual([
        { filmId: 'f2', views: 1, completions: 2, viewers: 2 },
      ]);
    });

    it('averages dwell time per page', async () => {
      expect(await store.repository.dwellByPage({ ...range, limit: 10 })).toEqual([
        { page: '/films/f1', views: 2, avgDwellMs: 2000 },
        { page: '/', views: 1, avgDwellMs: 2000 },
        { page: '/films/f2', views: 1, avgDwellMs: 500 },
      ]);
    });

    it('builds the quality-change matrix', async () => {
      expect(await store.repository.qualityChanges(range)).toEqual([
        { from: '720p', to: '1080p', count: 2 },
        { from: '1080p', to: '480p', count: 1 },
      ]);
    });

    it('ranks search filters, one use per value of an array filter', async () => {
      expect(await store.repository.searchFilters({ ...range, limit: 10 })).toEqual([
        { name: 'genre', value: 'drama', uses: 2 },
        { name: 'genre', value: 'comedy', uses: 1 },
        { name: 'ratingMin', value: '7', uses: 1 },
      ]);
      expect(
        await store.repository.searchFilters({ ...range, limit: 10, name: 'ratingMin' }),
      ).toEqual([{ name: 'ratingMin', value: '7', uses: 1 }]);
    });

    it('counts re-inserted events once in every query (redelivery after a crash)', async () => {
      const read = async () => ({
        time: await store.repository.eventsOverTime({ ...range, interval: 'minute' }),
        films: await store.repository.topFilms({ ...range, by: 'views', limit: 10 }),
        dwell: await store.repository.dwellByPage({ ...range, limit: 10 }),
        quality: await store.repository.qualityChanges(range),
        filters: await store.repository.searchFilters({ ...range, limit: 10 }),
      });
      const before = await read();
      const rows = dataset.map(toRow);
      // The rows a redelivered batch writes: the same events, whole or in part, in other inserts.
      await store.repository.insertEvents(rows);
      await store.repository.insertEvents(rows.slice(0, 5));
      const counts = await store.repository.counts();
      expect(counts).toEqual({ rows: rows.length * 2 + 5, events: rows.length });
      expect(await read()).toEqual(before);
    });

    it('stores text with quotes and backslashes as it came', async () => {
      const page = `/search?q=it's \\ "quoted"`;
      await store.repository.insertEvents([
        toRow(recorded(clientEvent('page_view', { page, dwellMs: 10, occurredAt: at(30) }))),
        toRow(
          recorded(
            clientEvent('search_filter', { filters: { "o'k": `a'\\b` }, occurredAt: at(30) }),
          ),
        ),
      ]);
      const pages = await store.repository.dwellByPage({ ...range, limit: 10 });
      expect(pages.map((p) => p.page)).toContain(page);
      expect(await store.repository.searchFilters({ ...range, limit: 10, name: "o'k" })).toEqual([
        { name: "o'k", value: `a'\\b`, uses: 1 },
      ]);
    });
  });
}

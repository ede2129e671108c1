import { randomUUID } from 'node:crypto';
import { type RatingChangedV1, ratingChanged } from '@cinesync/contracts';
import { type Bus, createMemoryBus, type Subscription } from '@cinesync/kit/bus';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { consumeRatings, RATINGS_CONSUMER } from '../src/ratings.js';
import {
  buildTestApp,
  catalogEngines,
  loadSubset,
  openMigrated,
  startTestIdentity,
} from './helpers.js';

for (const engine of catalogEngines()) {
  describe.skipIf(engine.skipReason)(`ratings from engagement on ${engine.title}`, () => {
    let db: Db;
    let bus: Bus;
    let subscription: Subscription;
    let app: Server;
    let identity: Awaited<ReturnType<typeof startTestIdentity>>;
    const ids = new Map<string, string>();

    beforeAll(async () => {
      db = await openMigrated(engine);
      await loadSubset(db, ['Alien', 'Aliens', 'Blade Runner', 'Heat']);
      const { rows } = await db.query<{ id: string; title: string }>('SELECT id, title FROM films');
      for (const row of rows) ids.set(row.title, row.id);
      bus = createMemoryBus();
      subscription = consumeRatings(db, bus);
      identity = await startTestIdentity();
      ({ app } = await buildTestApp(db, identity.auth));
    });

    afterAll(async () => {
      await subscription?.stop();
      await bus?.close();
      await app?.close();
      await identity?.close();
      await db?.close();
    });

    function rated(filmId: string, average: number | null, count: number) {
      const payload: RatingChangedV1 = {
        version: 1,
        filmId,
        userId: randomUUID(),
        value: average === null ? null : 8,
        average,
        count,
        occurredAt: new Date().toISOString(),
      };
      return bus.publish({
        id: randomUUID(),
        subject: ratingChanged.subject,
        key: filmId,
        payload,
      });
    }

    const film = async (title: string) =>
      (await app.inject({ url: `/api/v1/films/${ids.get(title)}` })).json();
    const handled = async () =>
      (
        await db.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1', [
          RATINGS_CONSUMER,
        ])
      ).rows[0]?.n;

    it('keeps the latest average and count of each film, in order per film', async () => {
      const alien = ids.get('Alien') ?? '';
      await rated(alien, 8, 1);
      await rated(alien, 7.5, 2);
      await rated(ids.get('Aliens') ?? '', 9.25, 4);
      await rated(ids.get('Heat') ?? '', 6, 1);
      await vi.waitFor(async () => expect(await handled()).toBe(4), { timeout: 10_000 });
      expect((await film('Alien')).rating).toEqual({ average: 7.5, count: 2 });
      expect((await film('Aliens')).rating).toEqual({ average: 9.25, count: 4 });
      expect((await film('Blade Runner')).rating).toEqual({ average: null, count: 0 });
    });

    it('feeds the minRating filter and the rating sort', async () => {
      const best = await app.inject({ url: '/api/v1/films', query: { sort: 'rating' } });
      expect(best.json().items.map((item: { title: string }) => item.title)).toEqual([
        'Aliens',
        'Alien',
        'Heat',
        'Blade Runner',
      ]);
      const good = await app.inject({ url: '/api/v1/films', query: { minRating: '7' } });
      expect(good.json().items.map((item: { title: string }) => item.title)).toEqual([
        'Alien',
        'Aliens',
      ]);
    });

    it('clears the rating when the last one is removed, and ignores unknown films', async () => {
      await rated(ids.get('Heat') ?? '', null, 0);
      await rated(randomUUID(), 5, 1);
      await vi.waitFor(async () => expect(await handled()).toBe(6), { timeout: 10_000 });
      expect((await film('Heat')).rating).toEqual({ average: null, count: 0 });
    });
  });
}

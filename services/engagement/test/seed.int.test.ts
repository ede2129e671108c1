import { migrate } from '@cinesync/kit/db';
import { outboxMigrations } from '@cinesync/kit/outbox';
import { dbEngines } from '@cinesync/kit/testing';
import { describe, expect, it } from 'vitest';
import { study } from '../src/repository/index.js';
import { findStats, recountStats } from '../src/repository/ratings.js';
import { findReview, recountVotes } from '../src/repository/reviews.js';
import { ids, planFor } from '../src/seed/plan.js';
import { Progress } from '../src/seed/progress.js';
import { ratingsTable } from '../src/seed/rows.js';
import { seed } from '../src/seed/seed.js';
import { unnestWriter } from '../src/seed/writers.js';
import { MIGRATIONS } from './support/app.js';

describe('seed plan', () => {
  it('is deterministic and never rates a film twice by one user', () => {
    const plan = planFor(6_000, { films: 50 });
    expect(plan).toEqual({ ratings: 6_000, users: 300, films: 50, ratingsPerUser: 20 });
    const first = [...ratingsTable.rows(plan)];
    expect([...ratingsTable.rows(plan)]).toEqual(first);
    const pairs = new Set(first.map(([user, film]) => `${user}/${film}`));
    expect(pairs.size).toBe(first.length);
    expect(
      first.every(([, , value]) => typeof value === 'number' && value >= 1 && value <= 10),
    ).toBe(true);
  });
});

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`seeding ${engine.title}`, () => {
    it('fills consistent data: stats and vote counters equal recounts, every key restored', async () => {
      const db = await engine.open();
      try {
        await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
        const tables = ['ratings', 'bookmarks', 'reviews', 'review_votes', 'review_comments'];
        const before = await study.deferrableDefinitions(db, tables);
        const plan = planFor(1_500, { films: 50, ratingsPerUser: 5 });
        const silent = () => {};
        const report = await seed(db, {
          plan,
          writer: unnestWriter(db, 1_000),
          deferKeys: engine.name === 'postgres',
          log: silent,
          progress: silent,
        });
        expect(report.rows.ratings).toBe(1_500);
        expect(report.rows.film_stats).toBe(50);
        expect(report.rows.bookmarks).toBeGreaterThan(0);
        expect(report.rows.review_votes).toBeGreaterThan(0);
        expect(await study.deferrableDefinitions(db, tables)).toEqual(before);

        for (const film of [0, 17, 49]) {
          const filmId = ids.film(film);
          expect(await findStats(db, filmId)).toEqual(await recountStats(db, filmId));
        }
        for (const review of [0, 5, 100]) {
          const stored = await findReview(db, ids.review(review));
          expect(stored).not.toBeNull();
          expect({ upVotes: stored?.upVotes, downVotes: stored?.downVotes }).toEqual(
            await recountVotes(db, ids.review(review)),
          );
        }
        await expect(seed(db, { plan, writer: unnestWriter(db), log: silent })).rejects.toThrow(
          /--reset/,
        );
        const again = await seed(db, {
          plan,
          writer: unnestWriter(db),
          reset: true,
          log: silent,
          progress: silent,
        });
        expect(again.rows).toEqual(report.rows);
      } finally {
        await db.close();
      }
    }, 120_000);
  });
}

it('Progress counts what it is told', () => {
  const lines: string[] = [];
  const progress = new Progress('test', 10, (text) => lines.push(text));
  progress.add(4);
  progress.add(6);
  expect(progress.finish()).toBeGreaterThanOrEqual(0);
  expect(lines.at(-1)).toMatch(/10\/10 \(100%\)/);
});

import { describe, expect, it } from 'vitest';
import { voteDelta } from '../src/reviews.js';
import { statsDelta, toFilmStats } from '../src/stats.js';

describe('statsDelta', () => {
  it('counts a first rating in its bucket', () => {
    expect(statsDelta(null, 7)).toEqual({
      count: 1,
      sum: 7,
      buckets: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    });
  });

  it('moves a changed rating between buckets without changing the count', () => {
    expect(statsDelta(3, 9)).toEqual({
      count: 0,
      sum: 6,
      buckets: [0, 0, -1, 0, 0, 0, 0, 0, 1, 0],
    });
  });

  it('takes a removed rating out', () => {
    expect(statsDelta(10, null)).toEqual({
      count: -1,
      sum: -10,
      buckets: [0, 0, 0, 0, 0, 0, 0, 0, 0, -1],
    });
  });

  it('is all zeros for an unchanged rating', () => {
    expect(statsDelta(5, 5)).toEqual({ count: 0, sum: 0, buckets: Array(10).fill(0) });
  });
});

describe('toFilmStats', () => {
  it('splits likes (6 and up) from dislikes (5 and down) and rounds the average', () => {
    const stats = toFilmStats('f', {
      filmId: 'f',
      count: 3,
      sum: 5 + 6 + 10,
      buckets: [0, 0, 0, 0, 1, 1, 0, 0, 0, 1],
    });
    expect(stats).toMatchObject({ likes: 2, dislikes: 1, count: 3, average: 7 });
    expect(stats.distribution).toMatchObject({ '5': 1, '6': 1, '10': 1, '1': 0 });
  });

  it('has zeros and no average for a film nobody rated', () => {
    const stats = toFilmStats('f', null);
    expect(stats).toMatchObject({ likes: 0, dislikes: 0, count: 0, average: null });
    expect(Object.keys(stats.distribution)).toHaveLength(10);
  });

  it('rounds the average to two decimals', () => {
    const stats = toFilmStats('f', {
      filmId: 'f',
      count: 3,
      sum: 20,
      buckets: [0, 0, 0, 0, 0, 1, 1, 1, 0, 0],
    });
    expect(stats.average).toBe(6.67);
  });
});

describe('voteDelta', () => {
  it.each([
    [0, 1, { up: 1, down: 0 }],
    [0, -1, { up: 0, down: 1 }],
    [1, -1, { up: -1, down: 1 }],
    [-1, 0, { up: 0, down: -1 }],
    [1, 1, { up: 0, down: 0 }],
  ] as const)('%i → %i moves the counters by %o', (from, to, delta) => {
    expect(voteDelta(from, to)).toEqual(delta);
  });
});

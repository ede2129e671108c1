/**
 * The deterministic data set of the storage study: the same options always give the same rows,
 * so runs on different machines or engines are comparable. Ids are UUIDs built from counters.
 */
export interface SeedPlan {
  /** Ratings written: users × ratingsPerUser (at least the rows asked for). */
  ratings: number;
  users: number;
  films: number;
  ratingsPerUser: number;
}

const MIN_USERS = 300;

export function planFor(rows: number, options: { films?: number; ratingsPerUser?: number } = {}) {
  const ratingsPerUser = options.ratingsPerUser ?? 20;
  const films = options.films ?? Math.max(100, Math.round(rows / 1000));
  if (ratingsPerUser > films) throw new Error('ratingsPerUser cannot exceed the number of films');
  const users = Math.ceil(rows / ratingsPerUser);
  // Voters are drawn from the 8 × 31 users after each author, who must all be someone else.
  if (users < MIN_USERS)
    throw new Error(`too few rows: the plan needs at least ${MIN_USERS} users`);
  return { ratings: users * ratingsPerUser, users, films, ratingsPerUser } satisfies SeedPlan;
}

/** A well-mixed 32-bit hash of an integer (lowbias32), the only source of "randomness". */
export function mix32(input: number): number {
  let x = input >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const hex12 = (n: number) => n.toString(16).padStart(12, '0');

/** Film ids repeat on every row, so each is built once (a few thousand strings at most). */
const filmIdCache: string[] = [];

/** Version-4-shaped UUIDs whose first group names the kind, so ids never collide across kinds. */
export const ids = {
  user: (n: number) => `00000001-0000-4000-8000-${hex12(n)}`,
  film: (n: number) => {
    let id = filmIdCache[n];
    if (id === undefined) {
      id = `00000002-0000-4000-8000-${hex12(n)}`;
      filmIdCache[n] = id;
    }
    return id;
  },
  review: (n: number) => `00000003-0000-4000-8000-${hex12(n)}`,
};

/** A step coprime with `films`, so k × step mod films visits distinct films for k < films. */
function stepFor(films: number, salt: number): number {
  let step = (mix32(salt) % films) | 1;
  while (gcd(step, films) !== 1) step += 2;
  return step;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The films user `u` rated, in order; reviews and bookmarks use a prefix of the same list. */
export function filmsOf(plan: SeedPlan): (user: number, k: number) => number {
  const step = stepFor(plan.films, 7);
  return (user, k) => (mix32(user) + k * step) % plan.films;
}

/** Ratings lean to the upper middle, as on real sites: 1..10 with most between 6 and 8. */
const VALUE_TABLE = [1, 2, 3, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9, 9, 10];
export const ratingValue = (i: number) =>
  VALUE_TABLE[mix32(i ^ 0x5bd1e995) % VALUE_TABLE.length] ?? 7;

const BASE = Date.UTC(2024, 0, 1);
const DAY_SEC = 24 * 3600;
const YEAR_SEC = 365 * DAY_SEC;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayPrefixes = Array.from({ length: 365 }, (_, day) =>
  new Date(BASE + day * DAY_SEC * 1000).toISOString().slice(0, 11),
);

/**
 * A moment in 2024 for row `i` of a table salted with `salt`, as ISO text. Built from cached
 * pieces: formatting tens of millions of Dates was most of the seeder's time.
 */
export function momentOf(i: number, salt: number): string {
  const second = mix32(i * 31 + salt) % YEAR_SEC;
  const inDay = second % DAY_SEC;
  const h = TWO_DIGITS[Math.floor(inDay / 3600)];
  const m = TWO_DIGITS[Math.floor(inDay / 60) % 60];
  const sec = TWO_DIGITS[inDay % 60];
  return `${dayPrefixes[Math.floor(second / DAY_SEC)]}${h}:${m}:${sec}Z`;
}

/** 0..4 bookmarks per user (2 on average), from the films they rated. */
export const bookmarksOf = (user: number) => mix32(user ^ 0xb00c) % 5;
/** 0, 0, 1 or 2 reviews per user (0.75 on average), of the first films they rated. */
export const reviewsOf = (user: number) => [0, 0, 1, 2][mix32(user ^ 0x4e71) % 4] ?? 0;
/** 0..8 votes per review (4 on average), by the users after the author. */
export const votesOf = (review: number) => mix32(review ^ 0x707e) % 9;
export const voterOf = (plan: SeedPlan, author: number, j: number) =>
  (author + 1 + j * 31) % plan.users;
export const voteValue = (review: number, j: number) => (mix32(review * 9 + j) % 4 === 0 ? -1 : 1);

export const filmTitle = (film: number) => `Film ${film}`;
export const filmYear = (film: number) => 1950 + (mix32(film) % 75);

const WORDS =
  'cinema story actor scene light camera score plot ending twist pace tension humour drama ' +
  'performance director script dialogue visual colour sound memorable slow brilliant uneven ' +
  'moving sharp quiet loud honest clever warm bleak tender bold'.split(' ');

/** 40..120 words of review text, deterministic per review. */
export function reviewText(review: number): string {
  const length = 40 + (mix32(review ^ 0x7e47) % 81);
  const words: string[] = [];
  for (let w = 0; w < length; w++) words.push(WORDS[mix32(review * 131 + w) % WORDS.length] ?? '');
  return `${words.join(' ')}.`;
}

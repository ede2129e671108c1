import {
  bookmarksOf,
  filmsOf,
  filmTitle,
  filmYear,
  ids,
  momentOf,
  ratingValue,
  reviewsOf,
  reviewText,
  type SeedPlan,
  voterOf,
  votesOf,
  voteValue,
} from './plan.js';

/** One row as the values of its table's columns, in the order `Table.columns` names them. */
export type Cell = string | number | null;

export interface Table {
  name: string;
  columns: readonly string[];
  /** Postgres types of the columns, for unnest() on the embedded engine. */
  types: readonly string[];
  /** Rows this table will get, for the progress line. */
  count(plan: SeedPlan): number;
  rows(plan: SeedPlan): Generator<Cell[]>;
}

export const ratingsTable: Table = {
  name: 'ratings',
  columns: ['user_id', 'film_id', 'value', 'created_at', 'updated_at'],
  types: ['uuid', 'uuid', 'smallint', 'timestamptz', 'timestamptz'],
  count: (plan) => plan.ratings,
  *rows(plan) {
    const filmOf = filmsOf(plan);
    let i = 0;
    for (let user = 0; user < plan.users; user++) {
      const userId = ids.user(user);
      for (let k = 0; k < plan.ratingsPerUser; k++, i++) {
        const at = momentOf(i, 1);
        yield [userId, ids.film(filmOf(user, k)), ratingValue(i), at, at];
      }
    }
  },
};

export const bookmarksTable: Table = {
  name: 'bookmarks',
  columns: ['user_id', 'film_id', 'film_title', 'film_year', 'created_at'],
  types: ['uuid', 'uuid', 'text', 'smallint', 'timestamptz'],
  count(plan) {
    let n = 0;
    for (let user = 0; user < plan.users; user++) n += bookmarksOf(user);
    return n;
  },
  *rows(plan) {
    const filmOf = filmsOf(plan);
    let i = 0;
    for (let user = 0; user < plan.users; user++) {
      const userId = ids.user(user);
      for (let k = 0; k < bookmarksOf(user); k++, i++) {
        const film = filmOf(user, k);
        yield [userId, ids.film(film), filmTitle(film), filmYear(film), momentOf(i, 2)];
      }
    }
  },
};

/** Calls back for every review in a fixed order, with its global number. */
function* reviewsIn(plan: SeedPlan): Generator<{ review: number; user: number; film: number }> {
  const filmOf = filmsOf(plan);
  let review = 0;
  for (let user = 0; user < plan.users; user++) {
    for (let k = 0; k < reviewsOf(user); k++, review++) {
      yield { review, user, film: filmOf(user, k) };
    }
  }
}

/** The review's counters, equal by construction to the votes written for it. */
function countVotes(review: number): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (let j = 0; j < votesOf(review); j++) {
    if (voteValue(review, j) === 1) up++;
    else down++;
  }
  return { up, down };
}

export const reviewsTable: Table = {
  name: 'reviews',
  columns: [
    'id',
    'film_id',
    'user_id',
    'author_name',
    'body',
    'up_votes',
    'down_votes',
    'created_at',
    'updated_at',
  ],
  types: ['uuid', 'uuid', 'uuid', 'text', 'text', 'int', 'int', 'timestamptz', 'timestamptz'],
  count(plan) {
    let n = 0;
    for (let user = 0; user < plan.users; user++) n += reviewsOf(user);
    return n;
  },
  *rows(plan) {
    for (const { review, user, film } of reviewsIn(plan)) {
      const { up, down } = countVotes(review);
      const at = momentOf(review, 3);
      yield [
        ids.review(review),
        ids.film(film),
        ids.user(user),
        `user ${user}`,
        reviewText(review),
        up,
        down,
        at,
        at,
      ];
    }
  },
};

export const votesTable: Table = {
  name: 'review_votes',
  columns: ['review_id', 'user_id', 'value', 'created_at', 'updated_at'],
  types: ['uuid', 'uuid', 'smallint', 'timestamptz', 'timestamptz'],
  count(plan) {
    let n = 0;
    for (const { review } of reviewsIn(plan)) n += votesOf(review);
    return n;
  },
  *rows(plan) {
    for (const { review, user } of reviewsIn(plan)) {
      const reviewId = ids.review(review);
      for (let j = 0; j < votesOf(review); j++) {
        const at = momentOf(review * 9 + j, 4);
        yield [reviewId, ids.user(voterOf(plan, user, j)), voteValue(review, j), at, at];
      }
    }
  },
};

export const seedTables = [ratingsTable, bookmarksTable, reviewsTable, votesTable] as const;

/**
 * What the storage study's benches (bench/engagement) call at the SQL level: the service's own
 * use cases and queries, so the SQL numbers measure exactly the code behind the HTTP API.
 */
export { listBookmarks } from './bookmarks.js';
export { getFilmStats, rateFilm } from './ratings.js';
export { ratings, study } from './repository/index.js';
export { listFilmReviews } from './reviews.js';

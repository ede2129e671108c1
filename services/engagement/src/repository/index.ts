export * as bookmarks from './bookmarks.js';
export * as comments from './comments.js';
export * as ratings from './ratings.js';
export * as reviews from './reviews.js';
export * as study from './study.js';

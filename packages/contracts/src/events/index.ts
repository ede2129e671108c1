export {
  FilmCreatedV1,
  FilmDeletedV1,
  FilmUpdatedV1,
  filmCreated,
  filmDeleted,
  filmUpdated,
} from './catalog.js';
export { defineEvent, type EventContract, InvalidEventError, parseEvent } from './define.js';
export {
  RatingChangedV1,
  ReviewCreatedV1,
  ReviewVotedV1,
  ratingChanged,
  reviewCreated,
  reviewVoted,
} from './engagement.js';
export { UserRegisteredV1, userRegistered } from './identity.js';

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

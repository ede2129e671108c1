export { defineEvent, type EventContract, InvalidEventError, parseEvent } from './define.js';
export { UserRegisteredV1, userRegistered } from './identity.js';

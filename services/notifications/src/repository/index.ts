export * from './deliveries.js';
export * from './housekeeping.js';
export * from './notifications.js';
export * from './preferences.js';
export * from './recipients.js';
export * from './watermarks.js';

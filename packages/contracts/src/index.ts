export * from './events/analytics.js';
export * from './events/index.js';

export * from './events/analytics.js';
export * from './events/index.js';
export * from './events/orders.js';
export * from './events/support.js';

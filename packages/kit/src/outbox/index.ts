export { consume, type InboxHandler } from './consume.js';
export { enqueue, type OutboxEvent } from './enqueue.js';
export { outboxMigrations } from './migrations.js';
export { type OutboxLogger, OutboxRelay, type OutboxRelayOptions } from './relay.js';
export { uuidv7 } from './uuid.js';

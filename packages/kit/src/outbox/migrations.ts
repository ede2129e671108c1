import type { MigrationSet } from '../db/index.js';

/**
 * The kit's own tables. Pass to `migrate(db, { dir, sets: [outboxMigrations] })`; they are recorded
 * as `kit.outbox/<name>`, apart from the service's files. Never edit a shipped migration: add one.
 */
export const outboxMigrations: MigrationSet = {
  name: 'kit.outbox',
  migrations: [
    {
      name: '0001_outbox_inbox.sql',
      sql: `
CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL,
  subject text NOT NULL,
  key text NOT NULL,
  payload jsonb NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
-- The relay's queue: small however large the table grows.
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE inbox (
  consumer text NOT NULL,
  message_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, message_id)
);
CREATE INDEX inbox_processed_at ON inbox (processed_at);
`,
    },
  ],
};

-- Notifications: recipients learnt from identity events, preferences, the in-app feed and the
-- e-mail deliveries waiting to be sent. User ids come from identity: no foreign keys cross services.

-- Filled from identity.user.registered, so sending never calls identity synchronously.
CREATE TABLE recipients (
  user_id text PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A missing row means every e-mail kind is on.
CREATE TABLE preferences (
  user_id text PRIMARY KEY,
  email_welcome boolean NOT NULL DEFAULT true,
  email_orders boolean NOT NULL DEFAULT true,
  email_support boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per-user counter behind notifications.user_seq. Taking the next value locks the user's row until
-- commit, so a user's seq order is commit order: a stream reader that has seen seq n never misses
-- a smaller seq committed later.
CREATE TABLE feed_heads (
  user_id text PRIMARY KEY,
  last_seq bigint NOT NULL
);

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id text NOT NULL,
  user_seq bigint NOT NULL,
  category text NOT NULL CHECK (category IN ('welcome', 'orders', 'support')),
  type text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  data jsonb NOT NULL DEFAULT '{}',
  -- The bus message it came from, to trace a notification back to its event.
  event_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  -- The feed (newest first) and the stream (seq > cursor) both read this index.
  UNIQUE (user_id, user_seq)
);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Latest occurredAt handled per aggregate ('order:<id>', 'ticket:<id>'): an older event arriving
-- late (possible with several replicas on JetStream) is recognised as stale.
CREATE TABLE watermarks (
  aggregate text PRIMARY KEY,
  occurred_at timestamptz NOT NULL
);

-- The e-mail outbox. Written in the consumer's transaction together with the notification; the
-- sender claims due rows with a lease, sends, then marks them. status:
--   waiting  the user's address is not known yet (their registration event has not arrived)
--   pending  to be sent at next_attempt_at
--   sent     accepted by the SMTP server;  logged  written to the log (no SMTP_URL)
--   failed   gave up (attempts exhausted, permanent SMTP error, or no address in time)
CREATE TABLE deliveries (
  id uuid PRIMARY KEY,
  seq bigserial NOT NULL,
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  to_address text,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  status text NOT NULL CHECK (status IN ('waiting', 'pending', 'sent', 'logged', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  provider_message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  CHECK (status = 'waiting' OR status = 'failed' OR to_address IS NOT NULL)
);
-- The sender's queue and the per-user "nothing earlier still open" check: small however large
-- the table grows.
CREATE INDEX deliveries_open ON deliveries (seq) WHERE status IN ('waiting', 'pending');
CREATE INDEX deliveries_open_by_user ON deliveries (user_id, seq) WHERE status IN ('waiting', 'pending');
CREATE INDEX deliveries_notification ON deliveries (notification_id);

-- Assistant: chat sessions and their messages per user, and the users' film ratings as learnt
-- from engagement's events (engagement has no "list my ratings" API, and recommendations need
-- them). User and film ids come from other services: no foreign keys cross services.

CREATE TABLE chat_sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  title text,
  -- Both roles; capped by ASSISTANT_SESSION_MAX_MESSAGES.
  message_count integer NOT NULL DEFAULT 0,
  -- Approximate tokens (characters / 4) of every message; capped by ASSISTANT_SESSION_MAX_TOKENS.
  token_count integer NOT NULL DEFAULT 0,
  -- Lease held while an answer is being written, so two questions never interleave in one
  -- session, even on two replicas; it expires on its own if the replica dies mid-answer.
  answering_until timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX chat_sessions_by_user ON chat_sessions (user_id, updated_at DESC, id DESC);

CREATE TABLE chat_messages (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  content text NOT NULL,
  -- interrupted: the answer broke off (provider error, timeout, client gone); what had been
  -- streamed is kept so the history shows what the user saw, but it is not sent back as context.
  status text NOT NULL CHECK (status IN ('complete', 'interrupted')),
  tokens integer NOT NULL,
  provider text,
  created_at timestamptz NOT NULL
);
CREATE INDEX chat_messages_by_session ON chat_messages (session_id, created_at, id);

-- value null: the rating was removed. rated_at keeps a late, older event from undoing a newer one.
CREATE TABLE user_ratings (
  user_id uuid NOT NULL,
  film_id uuid NOT NULL,
  value smallint CHECK (value BETWEEN 1 AND 10),
  rated_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, film_id)
);
CREATE INDEX user_ratings_by_value ON user_ratings (user_id, value DESC, rated_at DESC)
  WHERE value IS NOT NULL;

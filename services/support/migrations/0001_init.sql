-- Support tickets: the ticket, its message thread, an audit trail of changes, and the agents
-- (admins) tickets can be assigned to. User ids come from identity: no foreign keys cross services.

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
  category text NOT NULL CHECK (category IN ('billing', 'playback', 'account', 'content', 'other')),
  status text NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
  assignee_id uuid,
  message_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  -- Also the occurredAt of the ticket's latest event: it never goes backwards.
  updated_at timestamptz NOT NULL
);
-- A user's own list, and the admin queue by status / assignee, all newest activity first.
CREATE INDEX tickets_by_user ON tickets (user_id, updated_at DESC, id DESC);
CREATE INDEX tickets_by_status ON tickets (status, updated_at DESC, id DESC);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, updated_at DESC, id DESC)
  WHERE assignee_id IS NOT NULL;
CREATE INDEX tickets_by_activity ON tickets (updated_at DESC, id DESC);

CREATE TABLE ticket_messages (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  author_id uuid NOT NULL,
  -- 'user': the ticket's owner; 'agent': an admin answering it.
  author_role text NOT NULL CHECK (author_role IN ('user', 'agent')),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_messages_thread ON ticket_messages (ticket_id, created_at, id);

-- Who changed what, for agents reading a ticket's story.
CREATE TABLE ticket_changes (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  actor_id uuid NOT NULL,
  change text NOT NULL CHECK (change IN ('created', 'status_changed', 'assigned', 'replied')),
  from_status text,
  to_status text NOT NULL,
  assignee_id uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_changes_ticket ON ticket_changes (ticket_id, created_at, id);

-- Admins seen by this service: the people a ticket can be assigned to. Identity offers no user
-- lookup, so an admin becomes assignable once they have used the support API.
CREATE TABLE agents (
  user_id uuid PRIMARY KEY,
  email text,
  last_seen_at timestamptz NOT NULL
);

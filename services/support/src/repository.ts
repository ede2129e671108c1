import type { TicketChange, TicketStatus } from '@cinesync/contracts';
import type { Queryable } from '@cinesync/kit/db';

export const CATEGORIES = ['billing', 'playback', 'account', 'content', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export type AuthorRole = 'user' | 'agent';

export type TicketRow = {
  id: string;
  userId: string;
  subject: string;
  category: Category;
  status: TicketStatus;
  assigneeId: string | null;
  messageCount: number;
  createdAt: Date;
  updatedAt: Date;
};

export type MessageRow = {
  id: string;
  ticketId: string;
  authorId: string;
  authorRole: AuthorRole;
  body: string;
  createdAt: Date;
};

export type ChangeRow = {
  id: string;
  actorId: string;
  change: TicketChange;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  assigneeId: string | null;
  createdAt: Date;
};

export type AgentRow = {
  id: string;
  email: string | null;
  lastSeenAt: Date;
};

const TICKET_COLUMNS = `id, user_id AS "userId", subject, category, status,
  assignee_id AS "assigneeId", message_count AS "messageCount",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertTicket(db: Queryable, ticket: TicketRow): Promise<void> {
  await db.query(
    `INSERT INTO tickets (id, user_id, subject, category, status, assignee_id, message_count,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      ticket.id,
      ticket.userId,
      ticket.subject,
      ticket.category,
      ticket.status,
      ticket.assigneeId,
      ticket.messageCount,
      ticket.createdAt,
      ticket.updatedAt,
    ],
  );
}

export async function findTicket(db: Queryable, id: string): Promise<TicketRow | undefined> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** The ticket, locked until the transaction ends: changes to one ticket run one at a time. */
export async function lockTicket(db: Queryable, id: string): Promise<TicketRow | undefined> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function updateTicket(
  db: Queryable,
  id: string,
  fields: {
    status: TicketStatus;
    assigneeId: string | null;
    messageCount: number;
    updatedAt: Date;
  },
): Promise<void> {
  await db.query(
    `UPDATE tickets SET status = $2, assignee_id = $3, message_count = $4, updated_at = $5
     WHERE id = $1`,
    [id, fields.status, fields.assigneeId, fields.messageCount, fields.updatedAt],
  );
}

export interface TicketFilter {
  userId?: string;
  status?: TicketStatus;
  category?: Category;
  /** An agent's id, or null for unassigned tickets. */
  assigneeId?: string | null;
}

function whereOf(filter: TicketFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filter.userId !== undefined) add((n) => `user_id = ${n}`, filter.userId);
  if (filter.status !== undefined) add((n) => `status = ${n}`, filter.status);
  if (filter.category !== undefined) add((n) => `category = ${n}`, filter.category);
  if (filter.assigneeId === null) clauses.push('assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) add((n) => `assignee_id = ${n}`, filter.assigneeId);
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of tickets, most recent activity first, and how many match in all. */
export async function listTickets(
  db: Queryable,
  filter: TicketFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: TicketRow[]; total: number }> {
  const where = whereOf(filter);
  const n = where.params.length;
  const { rows } = await db.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets ${where.sql}
     ORDER BY updated_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, page.limit, page.offset],
  );
  const counted = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM tickets ${where.sql}`,
    where.params,
  );
  return { rows, total: Number(counted.rows[0]?.total ?? 0) };
}

export async function insertMessage(db: Queryable, message: MessageRow): Promise<void> {
  await db.query(
    `INSERT INTO ticket_messages (id, ticket_id, author_id, author_role, body, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      message.id,
      message.ticketId,
      message.authorId,
      message.authorRole,
      message.body,
      message.createdAt,
    ],
  );
}

export async function listMessages(db: Queryable, ticketId: string): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `SELECT id, ticket_id AS "ticketId", author_id AS "authorId", author_role AS "authorRole",
       body, created_at AS "createdAt"
     FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at, id`,
    [ticketId],
  );
  return rows;
}

export async function insertChange(
  db: Queryable,
  ticketId: string,
  change: ChangeRow,
): Promise<void> {
  await db.query(
    `INSERT INTO ticket_changes (id, ticket_id, actor_id, change, from_status, to_status,
       assignee_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      change.id,
      ticketId,
      change.actorId,
      change.change,
      change.fromStatus,
      change.toStatus,
      change.assigneeId,
      change.createdAt,
    ],
  );
}

export async function listChanges(db: Queryable, ticketId: string): Promise<ChangeRow[]> {
  const { rows } = await db.query<ChangeRow>(
    `SELECT id, actor_id AS "actorId", change, from_status AS "fromStatus",
       to_status AS "toStatus", assignee_id AS "assigneeId", created_at AS "createdAt"
     FROM ticket_changes WHERE ticket_id = $1 ORDER BY created_at, id`,
    [ticketId],
  );
  return rows;
}

export async function upsertAgent(
  db: Queryable,
  agent: { id: string; email: string | null; seenAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO agents (user_id, email, last_seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET
       email = COALESCE(EXCLUDED.email, agents.email),
       last_seen_at = GREATEST(agents.last_seen_at, EXCLUDED.last_seen_at)`,
    [agent.id, agent.email, agent.seenAt],
  );
}

export async function findAgent(db: Queryable, id: string): Promise<AgentRow | undefined> {
  const { rows } = await db.query<AgentRow>(
    `SELECT user_id AS id, email, last_seen_at AS "lastSeenAt" FROM agents WHERE user_id = $1`,
    [id],
  );
  return rows[0];
}

export async function listAgents(db: Queryable): Promise<AgentRow[]> {
  const { rows } = await db.query<AgentRow>(
    `SELECT user_id AS id, email, last_seen_at AS "lastSeenAt" FROM agents
     ORDER BY last_seen_at DESC, user_id`,
  );
  return rows;
}

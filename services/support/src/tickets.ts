import {
  type TicketChange,
  type TicketStatus,
  type TicketUpdatedV1,
  ticketUpdated,
} from '@cinesync/contracts';
import type { Role } from '@cinesync/kit/auth';
import type { Db, Tx } from '@cinesync/kit/db';
import { conflict, forbidden, notFound, unprocessable } from '@cinesync/kit/http';
import { enqueue, uuidv7 } from '@cinesync/kit/outbox';
import type {
  AgentRow,
  AuthorRole,
  Category,
  ChangeRow,
  MessageRow,
  TicketFilter,
  TicketRow,
} from './repository.js';
import * as repo from './repository.js';
import { canMove, type Mover, movesFrom, statusAfterMessage } from './state-machine.js';

/** Who is asking: the verified caller. */
export interface Actor {
  id: string;
  role: Role;
  email?: string;
}

export interface TicketDetail extends TicketRow {
  messages: MessageRow[];
  history: ChangeRow[];
}

export interface TicketsOptions {
  db: Db;
  /** Called after a commit that wrote outbox rows (the relay's notify). */
  published: () => void;
  /** Messages a thread may hold. */
  maxMessages: number;
  clock?: () => Date;
}

export interface ListQuery {
  status?: TicketStatus;
  category?: Category;
  /** Admins only: an agent's id, `me`, or `none` for unassigned tickets. */
  assignee?: string;
  /** Admins only: one user's tickets. */
  userId?: string;
  page: number;
  pageSize: number;
}

const ticketNotFound = () => notFound('There is no such ticket.', 'ticket_not_found');

const AGENT_SEEN_EVERY_MS = 5 * 60_000;

const isAgent = (actor: Actor) => actor.role === 'admin';

/**
 * Support tickets and their threads. Every change runs in one transaction that locks the ticket,
 * checks the state machine, writes the change and its `support.ticket.updated` event (outbox),
 * so the event exists exactly when the change does. A ticket that is not the caller's reads as
 * missing (404) unless the caller is an agent (admin).
 */
export class Tickets {
  private readonly db: Db;
  private readonly published: () => void;
  private readonly maxMessages: number;
  private readonly clock: () => Date;
  private readonly agentsSeen = new Map<string, number>();

  constructor(options: TicketsOptions) {
    this.db = options.db;
    this.published = options.published;
    this.maxMessages = options.maxMessages;
    this.clock = options.clock ?? (() => new Date());
  }

  async open(
    actor: Actor,
    input: { subject: string; body: string; category: Category },
  ): Promise<TicketDetail> {
    const at = this.clock();
    const ticket: TicketRow = {
      id: uuidv7(),
      userId: actor.id,
      subject: input.subject.trim(),
      category: input.category,
      status: 'open',
      assigneeId: null,
      messageCount: 1,
      createdAt: at,
      updatedAt: at,
    };
    const message: MessageRow = {
      id: uuidv7(),
      ticketId: ticket.id,
      authorId: actor.id,
      authorRole: 'user',
      body: input.body.trim(),
      createdAt: at,
    };
    const change = await this.commit(async (tx) => {
      await repo.insertTicket(tx, ticket);
      await repo.insertMessage(tx, message);
      return this.record(tx, ticket, actor, 'created', null);
    });
    return { ...ticket, messages: [message], history: [change] };
  }

  async get(actor: Actor, id: string): Promise<TicketDetail> {
    const ticket = await repo.findTicket(this.db, id);
    if (!ticket || !this.mayRead(actor, ticket)) throw ticketNotFound();
    const [messages, history] = [
      await repo.listMessages(this.db, id),
      await repo.listChanges(this.db, id),
    ];
    return { ...ticket, messages, history };
  }

  async list(actor: Actor, query: ListQuery) {
    const filter: TicketFilter = { status: query.status, category: query.category };
    if (isAgent(actor)) {
      filter.userId = query.userId;
      if (query.assignee === 'none') filter.assigneeId = null;
      else if (query.assignee === 'me') filter.assigneeId = actor.id;
      else if (query.assignee !== undefined) filter.assigneeId = query.assignee;
    } else {
      if (query.assignee !== undefined || (query.userId && query.userId !== actor.id)) {
        throw forbidden('Only support agents can filter by assignee or by user.');
      }
      filter.userId = actor.id;
    }
    const { rows, total } = await repo.listTickets(this.db, filter, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Adds to the thread: the owner's message, or an agent's reply. Either may move the status
   * (see `statusAfterMessage`). The owner's own plain message emits no event: it would only tell
   * the owner what they just wrote.
   */
  async addMessage(
    actor: Actor,
    id: string,
    body: string,
  ): Promise<{ message: MessageRow; ticket: TicketRow }> {
    return this.change(actor, id, async (tx, ticket, at) => {
      if (ticket.status === 'closed') {
        throw conflict('The ticket is closed; open a new one.', 'ticket_closed');
      }
      if (ticket.messageCount >= this.maxMessages) {
        throw conflict(
          `The thread has reached ${this.maxMessages} messages; open a new ticket.`,
          'thread_full',
        );
      }
      const role: AuthorRole = ticket.userId === actor.id ? 'user' : 'agent';
      const message: MessageRow = {
        id: uuidv7(),
        ticketId: ticket.id,
        authorId: actor.id,
        authorRole: role,
        body: body.trim(),
        createdAt: at,
      };
      await repo.insertMessage(tx, message);
      const status = statusAfterMessage(role === 'user' ? 'owner' : 'agent', ticket.status);
      const updated = { ...ticket, status, messageCount: ticket.messageCount + 1, updatedAt: at };
      await repo.updateTicket(tx, ticket.id, updated);
      if (role === 'agent') await this.record(tx, updated, actor, 'replied', ticket.status);
      else if (status !== ticket.status) {
        await this.record(tx, updated, actor, 'status_changed', ticket.status);
      }
      return { message, ticket: updated };
    });
  }

  /** Moves the ticket along the state machine; setting the current status again changes nothing. */
  async setStatus(actor: Actor, id: string, status: TicketStatus): Promise<TicketRow> {
    return this.change(actor, id, async (tx, ticket, at) => {
      if (ticket.status === status) return ticket;
      const mover: Mover = isAgent(actor) ? 'agent' : 'owner';
      if (mover === 'owner' && status !== 'closed') {
        throw forbidden('You can close your ticket; other changes are made by support.');
      }
      if (!canMove(mover, ticket.status, status)) {
        const allowed = movesFrom(mover, ticket.status);
        throw conflict(
          `A ${ticket.status} ticket cannot become ${status}` +
            (allowed.length > 0 ? `; it can become ${allowed.join(' or ')}.` : '.'),
          'invalid_transition',
        );
      }
      const updated = { ...ticket, status, updatedAt: at };
      await repo.updateTicket(tx, ticket.id, updated);
      await this.record(tx, updated, actor, 'status_changed', ticket.status);
      return updated;
    });
  }

  /** Agents only (the route checks): hands the ticket to a known agent, or to nobody (null). */
  async assign(actor: Actor, id: string, assigneeId: string | null): Promise<TicketRow> {
    return this.change(actor, id, async (tx, ticket, at) => {
      if (ticket.assigneeId === assigneeId) return ticket;
      if (ticket.status === 'closed') {
        throw conflict('The ticket is closed.', 'ticket_closed');
      }
      if (assigneeId !== null && !(await repo.findAgent(tx, assigneeId))) {
        throw unprocessable(
          'Tickets can be assigned only to support agents (admins who have used support).',
          'unknown_agent',
        );
      }
      const updated = { ...ticket, assigneeId, updatedAt: at };
      await repo.updateTicket(tx, ticket.id, updated);
      await this.record(tx, updated, actor, 'assigned', ticket.status);
      return updated;
    });
  }

  /**
   * Makes an admin assignable; called on their requests to support, written at most once per
   * `AGENT_SEEN_EVERY_MS` per agent and process so reads stay reads.
   */
  async rememberAgent(actor: Actor): Promise<void> {
    if (!isAgent(actor)) return;
    const now = this.clock();
    const last = this.agentsSeen.get(actor.id);
    if (last !== undefined && now.getTime() - last < AGENT_SEEN_EVERY_MS) return;
    await repo.upsertAgent(this.db, { id: actor.id, email: actor.email ?? null, seenAt: now });
    this.agentsSeen.set(actor.id, now.getTime());
  }

  agents(): Promise<AgentRow[]> {
    return repo.listAgents(this.db);
  }

  private mayRead(actor: Actor, ticket: TicketRow): boolean {
    return ticket.userId === actor.id || isAgent(actor);
  }

  /** Runs `fn` on the locked ticket with a change time that never precedes the last change. */
  private async change<T>(
    actor: Actor,
    id: string,
    fn: (tx: Tx, ticket: TicketRow, at: Date) => Promise<T>,
  ): Promise<T> {
    return this.commit(async (tx) => {
      const ticket = await repo.lockTicket(tx, id);
      if (!ticket || !this.mayRead(actor, ticket)) throw ticketNotFound();
      const now = this.clock();
      const at = new Date(Math.max(now.getTime(), ticket.updatedAt.getTime()));
      return fn(tx, ticket, at);
    });
  }

  private async commit<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(fn);
    this.published();
    return result;
  }

  /** The audit row and the event for the owner, both in the change's transaction. */
  private async record(
    tx: Tx,
    ticket: TicketRow,
    actor: Actor,
    change: TicketChange,
    fromStatus: TicketStatus | null,
  ): Promise<ChangeRow> {
    const row: ChangeRow = {
      id: uuidv7(),
      actorId: actor.id,
      change,
      fromStatus,
      toStatus: ticket.status,
      assigneeId: ticket.assigneeId,
      createdAt: ticket.updatedAt,
    };
    await repo.insertChange(tx, ticket.id, row);
    const payload: TicketUpdatedV1 = {
      version: 1,
      ticketId: ticket.id,
      userId: ticket.userId,
      subject: ticket.subject,
      status: ticket.status,
      change,
      occurredAt: ticket.updatedAt.toISOString(),
    };
    await enqueue(tx, { subject: ticketUpdated.subject, key: ticket.id, payload });
    return row;
  }
}

import type { Db } from '@cinesync/kit/db';
import { badRequest, conflict, notFound } from '@cinesync/kit/http';
import { uuidv7 } from '@cinesync/kit/outbox';
import type { ChatTurn } from './providers/provider.js';
import type { MessageRow, MessageStatus, SessionRow } from './repository.js';
import * as repo from './repository.js';
import { approxTokens } from './tokens.js';

export interface ChatLimits {
  /** Messages (both roles) a session may hold. */
  sessionMaxMessages: number;
  /** Approximate tokens a session may hold. */
  sessionMaxTokens: number;
  /** Approximate tokens of earlier messages given to the provider as context. */
  contextTokens: number;
  /** How long a session stays locked for one answer if its writer never finishes (a crash). */
  answerLeaseMs: number;
}

export interface ChatOptions {
  db: Db;
  limits: ChatLimits;
  clock?: () => Date;
}

/** A question accepted and stored, waiting for its answer. */
export interface Turn {
  session: SessionRow;
  question: MessageRow;
  /** Earlier complete messages within the context budget, then the question. */
  turns: ChatTurn[];
}

const TITLE_CHARS = 80;

const sessionNotFound = () => notFound('There is no such chat session.', 'session_not_found');

/** The first words of the first question, as a session title. */
function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= TITLE_CHARS) return line;
  const cut = line.slice(0, TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Chat sessions and their messages, per user: another user's session reads as missing. A
 * question is stored before it is answered (`begin`), and its answer after (`finish`); between
 * the two the session holds a lease, so a second question waits for the first answer.
 */
export class Chat {
  private readonly db: Db;
  private readonly limits: ChatLimits;
  private readonly clock: () => Date;

  constructor(options: ChatOptions) {
    this.db = options.db;
    this.limits = options.limits;
    this.clock = options.clock ?? (() => new Date());
  }

  async createSession(userId: string, title?: string): Promise<SessionRow> {
    const now = this.clock();
    const session: SessionRow = {
      id: uuidv7(),
      userId,
      title: title?.trim() || null,
      messageCount: 0,
      tokenCount: 0,
      answeringUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertSession(this.db, session);
    return session;
  }

  async session(userId: string, id: string): Promise<SessionRow> {
    const session = await repo.findSession(this.db, userId, id);
    if (!session) throw sessionNotFound();
    return session;
  }

  async sessions(userId: string, page: { page: number; pageSize: number }) {
    const rows = await repo.listSessions(this.db, userId, {
      limit: page.pageSize + 1,
      offset: (page.page - 1) * page.pageSize,
    });
    return { items: rows.slice(0, page.pageSize), ...page, hasMore: rows.length > page.pageSize };
  }

  async deleteSession(userId: string, id: string): Promise<void> {
    if (!(await repo.deleteSession(this.db, userId, id))) throw sessionNotFound();
  }

  /** Up to `limit` messages, oldest first, ending just before `before` (a message id) or now. */
  async history(userId: string, id: string, query: { limit: number; before?: string }) {
    await this.session(userId, id);
    let before: { createdAt: Date; id: string } | undefined;
    if (query.before !== undefined) {
      const message = await repo.findMessage(this.db, id, query.before);
      if (!message) throw badRequest('`before` is not a message of this session.', 'bad_cursor');
      before = { createdAt: message.createdAt, id: message.id };
    }
    const rows = await repo.listMessages(this.db, id, { limit: query.limit + 1, before });
    const hasMore = rows.length > query.limit;
    return { items: hasMore ? rows.slice(1) : rows, hasMore };
  }

  /**
   * Stores the user's question and locks the session for its answer. 409 while another answer
   * is being written, or when the session is full (messages or tokens).
   */
  async begin(userId: string, sessionId: string, text: string): Promise<Turn> {
    const content = text.trim();
    const tokens = approxTokens(content);
    return this.db.transaction(async (tx) => {
      const session = await repo.findSession(tx, userId, sessionId, { lock: true });
      if (!session) throw sessionNotFound();
      const now = this.clock();
      if (session.answeringUntil && session.answeringUntil > now) {
        throw conflict(
          'The previous question is still being answered; wait for it.',
          'answer_in_progress',
        );
      }
      // Room for the question and its answer.
      if (session.messageCount + 2 > this.limits.sessionMaxMessages) {
        throw conflict(
          `This session has reached ${this.limits.sessionMaxMessages} messages; start a new one.`,
          'session_full',
        );
      }
      if (session.tokenCount + tokens > this.limits.sessionMaxTokens) {
        throw conflict('This session is too long; start a new one.', 'session_full');
      }
      const context = await repo.recentContext(tx, sessionId, this.limits.contextTokens);
      const question: MessageRow = {
        id: uuidv7(),
        sessionId,
        role: 'user',
        content,
        status: 'complete',
        tokens,
        provider: null,
        createdAt: now,
      };
      await repo.insertMessage(tx, question);
      const updated: SessionRow = {
        ...session,
        title: session.title ?? titleFrom(content),
        messageCount: session.messageCount + 1,
        tokenCount: session.tokenCount + tokens,
        answeringUntil: new Date(now.getTime() + this.limits.answerLeaseMs),
        updatedAt: now,
      };
      await repo.updateSession(tx, sessionId, updated);
      const turns: ChatTurn[] = [
        ...context.map((message) => ({ role: message.role, content: message.content })),
        { role: 'user', content },
      ];
      return { session: updated, question, turns };
    });
  }

  /**
   * Stores the answer (also a partial one, as `interrupted`; nothing when no text came) and
   * releases the session. Returns the stored message, or null.
   */
  async finish(
    turn: Turn,
    answer: { content: string; status: MessageStatus; provider: string },
  ): Promise<MessageRow | null> {
    return this.db.transaction(async (tx) => {
      const session = await repo.findSession(tx, turn.session.userId, turn.session.id, {
        lock: true,
      });
      // Deleted while it was being answered: nothing to keep.
      if (!session) return null;
      const now = this.clock();
      let message: MessageRow | null = null;
      if (answer.content !== '') {
        message = {
          id: uuidv7(),
          sessionId: session.id,
          role: 'assistant',
          content: answer.content,
          status: answer.status,
          tokens: approxTokens(answer.content),
          provider: answer.provider,
          // Never before its question, whatever the clock did meanwhile.
          createdAt: new Date(Math.max(now.getTime(), turn.question.createdAt.getTime() + 1)),
        };
        await repo.insertMessage(tx, message);
      }
      await repo.updateSession(tx, session.id, {
        title: session.title,
        messageCount: session.messageCount + (message ? 1 : 0),
        tokenCount: session.tokenCount + (message?.tokens ?? 0),
        answeringUntil: null,
        updatedAt: message?.createdAt ?? now,
      });
      return message;
    });
  }
}

import { requireRole, requireUser } from '@cinesync/kit/auth';
import { type Server, tooManyRequests, unauthorized } from '@cinesync/kit/http';
import type { Limiter } from '@cinesync/kit/limiter';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AgentRow, ChangeRow, MessageRow, TicketRow } from '../repository.js';
import type { Actor, TicketDetail, Tickets } from '../tickets.js';
import {
  AgentSchema,
  Body,
  Category,
  IdParams,
  MessageSchema,
  problems,
  Status,
  Subject,
  TicketDetailSchema,
  TicketPage,
  TicketSchema,
  Uuid,
} from './schemas.js';

export interface TicketRouteDeps {
  tickets: Tickets;
  /** Per-user budget for opening tickets and writing messages; agents are not limited. */
  writes: Limiter;
}

const iso = (date: Date) => date.toISOString();
const ticketBody = (t: TicketRow) => ({
  ...t,
  createdAt: iso(t.createdAt),
  updatedAt: iso(t.updatedAt),
});
const messageBody = ({ ticketId: _, ...m }: MessageRow) => ({ ...m, createdAt: iso(m.createdAt) });
const changeBody = (c: ChangeRow) => ({ ...c, createdAt: iso(c.createdAt) });
const detailBody = ({ messages, history, ...ticket }: TicketDetail) => ({
  ...ticketBody(ticket),
  messages: messages.map(messageBody),
  history: history.map(changeBody),
});
const agentBody = (a: AgentRow) => ({ ...a, lastSeenAt: iso(a.lastSeenAt) });

function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw unauthorized();
  return request.user;
}

const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export function ticketRoutes(server: Server, deps: TicketRouteDeps): void {
  const { tickets } = deps;
  const tags = ['tickets'];

  async function takeWrite(actor: Actor): Promise<void> {
    if (actor.role === 'admin') return;
    const taken = await deps.writes.take(actor.id);
    if (!taken.allowed) {
      throw tooManyRequests(
        'You are writing to support too often; try again later.',
        taken.retryAfterMs / 1000,
      );
    }
  }

  // Every admin who uses support becomes someone tickets can be assigned to.
  server.addHook('preHandler', async (request) => {
    if (request.user?.role === 'admin') await tickets.rememberAgent(request.user);
  });

  server.post(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: 'Open a support ticket; its body is the first message of the thread',
        body: Type.Object(
          { subject: Subject, body: Body, category: Category },
          { additionalProperties: false },
        ),
        response: { 201: TicketDetailSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await takeWrite(actor);
      const ticket = await tickets.open(actor, request.body);
      return reply
        .code(201)
        .header('location', `/api/v1/tickets/${ticket.id}`)
        .send(detailBody(ticket));
    },
  );

  server.get(
    '/api/v1/tickets',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary:
          "Tickets, most recent activity first: the caller's own, or every ticket for agents",
        querystring: Type.Object({
          status: Type.Optional(Status),
          category: Type.Optional(Category),
          assignee: Type.Optional(
            Type.Union([Uuid, Type.Literal('me'), Type.Literal('none')], {
              description: "Agents only: an agent's id, `me`, or `none` for unassigned",
            }),
          ),
          userId: Type.Optional(
            Type.String({ format: 'uuid', description: "Agents only: one user's tickets" }),
          ),
          ...PageQuery,
        }),
        response: { 200: TicketPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await tickets.list(actorOf(request), request.query);
      return { ...page, items: page.items.map(ticketBody) };
    },
  );

  server.get(
    '/api/v1/tickets/agents',
    {
      onRequest: [requireRole('admin')],
      schema: {
        tags,
        summary: 'Agents tickets can be assigned to (admins who have used support), latest first',
        response: {
          200: Type.Object({ items: Type.Array(AgentSchema) }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: (await tickets.agents()).map(agentBody) }),
  );

  server.get(
    '/api/v1/tickets/:id',
    {
      onRequest: [requireUser],
      schema: {
        tags,
        summary: 'A ticket with its thread and history (yours, or any for agents)',
        params: IdParams,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => detailBody(await tickets.get(actorOf(request), request.params.id)),
  );

  server.post(
    '/api/v1/tickets/:id/messages',
    {
      schema: {
        tags,
        summary: "Write in a ticket's thread: the owner's message, or an agent's reply",
        description:
          'An agent replying to an open ticket moves it to in_progress; the owner writing on a ' +
          'resolved ticket reopens it (in_progress). Closed tickets take no messages (409).',
        params: IdParams,
        body: Type.Object({ body: Body }, { additionalProperties: false }),
        response: {
          201: Type.Object({ message: MessageSchema, ticket: TicketSchema }),
          ...problems(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await takeWrite(actor);
      const result = await tickets.addMessage(actor, request.params.id, request.body.body);
      return reply
        .code(201)
        .send({ message: messageBody(result.message), ticket: ticketBody(result.ticket) });
    },
  );

  server.put(
    '/api/v1/tickets/:id/status',
    {
      schema: {
        tags,
        summary: "Change a ticket's status (agents; owners may only close their own)",
        description:
          'Agents: open → in_progress | closed, in_progress → resolved | closed, resolved → ' +
          'in_progress (reopen) | closed. Closed is final. Setting the current status is a no-op.',
        params: IdParams,
        body: Type.Object({ status: Status }, { additionalProperties: false }),
        response: { 200: TicketSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      ticketBody(await tickets.setStatus(actorOf(request), request.params.id, request.body.status)),
  );

  server.put(
    '/api/v1/tickets/:id/assignee',
    {
      onRequest: [requireRole('admin')],
      schema: {
        tags,
        summary: 'Assign a ticket to an agent, or unassign it with null (agents)',
        params: IdParams,
        body: Type.Object(
          { assigneeId: Type.Union([Uuid, Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 200: TicketSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      ticketBody(
        await tickets.assign(actorOf(request), request.params.id, request.body.assigneeId),
      ),
  );
}

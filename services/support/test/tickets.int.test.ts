import { randomUUID } from 'node:crypto';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type TestApp } from './support/app.js';
import type { Caller } from './support/auth.js';

interface Ticket {
  id: string;
  userId: string;
  subject: string;
  category: string;
  status: string;
  assigneeId: string | null;
  messageCount: number;
  messages?: { authorId: string; authorRole: string; body: string }[];
  history?: { change: string; fromStatus: string | null; toStatus: string; actorId: string }[];
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`support tickets on ${engine.title}`, () => {
    let t: TestApp;
    let alice: Caller;
    let bob: Caller;
    let admin: Caller;
    let otherAdmin: Caller;

    const call = async (
      caller: Caller | null,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: object,
    ) => {
      const response = await t.app.inject({
        method,
        url,
        headers: caller?.headers,
        ...(payload ? { payload } : {}),
      });
      return { status: response.statusCode, body: response.json() };
    };
    const open = async (caller: Caller, subject = 'Playback stutters', category = 'playback') => {
      const { status, body } = await call(caller, 'POST', '/api/v1/tickets', {
        subject,
        body: 'The film stops every few minutes on my TV.',
        category,
      });
      expect(status).toBe(201);
      return body as Ticket;
    };
    const setStatus = (caller: Caller, id: string, status: string) =>
      call(caller, 'PUT', `/api/v1/tickets/${id}/status`, { status });
    const write = (caller: Caller, id: string, body: string) =>
      call(caller, 'POST', `/api/v1/tickets/${id}/messages`, { body });

    beforeAll(async () => {
      t = await openApp(engine);
      alice = await t.issuer.caller('user');
      bob = await t.issuer.caller('user');
      admin = await t.issuer.caller('admin');
      otherAdmin = await t.issuer.caller('admin');
    });
    afterAll(async () => {
      await t?.close();
    });

    it("opens a ticket with the body as the thread's first message, and emits created", async () => {
      const ticket = await open(alice, '  Charged twice  ', 'billing');
      expect(ticket).toMatchObject({
        userId: alice.id,
        subject: 'Charged twice',
        category: 'billing',
        status: 'open',
        assigneeId: null,
        messageCount: 1,
      });
      expect(ticket.messages).toEqual([
        expect.objectContaining({ authorId: alice.id, authorRole: 'user' }),
      ]);
      expect(await t.events(ticket.id)).toEqual([
        expect.objectContaining({
          key: ticket.id,
          ticketId: ticket.id,
          userId: alice.id,
          subject: 'Charged twice',
          status: 'open',
          change: 'created',
        }),
      ]);
    });

    it("hides another user's ticket as missing, for reading and for every change", async () => {
      const ticket = await open(alice);
      const url = `/api/v1/tickets/${ticket.id}`;
      const missing = await call(bob, 'GET', url);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('ticket_not_found');
      // The same answer as for an id that does not exist at all: nothing to tell them apart.
      const nothing = await call(bob, 'GET', `/api/v1/tickets/${randomUUID()}`);
      expect({ ...nothing.body, instance: undefined, requestId: undefined }).toEqual({
        ...missing.body,
        instance: undefined,
        requestId: undefined,
      });
      expect((await write(bob, ticket.id, 'me too')).status).toBe(404);
      expect((await setStatus(bob, ticket.id, 'closed')).status).toBe(404);
      const bobs = await call(bob, 'GET', '/api/v1/tickets');
      expect(bobs.body.items.map((item: Ticket) => item.id)).not.toContain(ticket.id);
      expect((await call(admin, 'GET', url)).status).toBe(200);
      expect((await call(null, 'GET', url)).status).toBe(401);
      expect((await call(null, 'POST', '/api/v1/tickets', {})).status).toBe(401);
      // Bob's attempts changed nothing and told nobody.
      expect((await t.events(ticket.id)).map((event) => event.change)).toEqual(['created']);
    });

    it('keeps agent-only actions from users', async () => {
      const ticket = await open(alice);
      await call(admin, 'GET', '/api/v1/tickets');
      const assign = await call(alice, 'PUT', `/api/v1/tickets/${ticket.id}/assignee`, {
        assigneeId: admin.id,
      });
      expect(assign.status).toBe(403);
      expect((await setStatus(alice, ticket.id, 'in_progress')).status).toBe(403);
      expect((await setStatus(alice, ticket.id, 'resolved')).status).toBe(403);
      expect((await call(alice, 'GET', '/api/v1/tickets?assignee=none')).status).toBe(403);
      expect((await call(alice, 'GET', `/api/v1/tickets?userId=${bob.id}`)).status).toBe(403);
      expect((await call(alice, 'GET', '/api/v1/tickets/agents')).status).toBe(403);
    });

    it('walks the state machine and emits one event per change', async () => {
      const ticket = await open(alice);
      const id = ticket.id;
      const invalid = await setStatus(admin, id, 'resolved');
      expect(invalid.status).toBe(409);
      expect(invalid.body.code).toBe('invalid_transition');
      expect(invalid.body.detail).toContain('in_progress or closed');

      expect((await setStatus(admin, id, 'in_progress')).body.status).toBe('in_progress');
      // Setting the current status again is a no-op: no event.
      expect((await setStatus(admin, id, 'in_progress')).status).toBe(200);
      expect((await setStatus(admin, id, 'resolved')).body.status).toBe('resolved');
      expect((await setStatus(admin, id, 'in_progress')).body.status).toBe('in_progress');
      expect((await setStatus(admin, id, 'resolved')).body.status).toBe('resolved');
      // The owner writing after resolution reopens the ticket.
      const reopened = await write(alice, id, 'It happens again.');
      expect(reopened.status).toBe(201);
      expect(reopened.body.ticket.status).toBe('in_progress');
      expect((await setStatus(alice, id, 'closed')).body.status).toBe('closed');

      for (const status of ['open', 'in_progress', 'resolved']) {
        const refused = await setStatus(admin, id, status);
        expect(refused.status).toBe(409);
        expect(refused.body.detail).toContain('cannot become');
      }
      const closedWrite = await write(admin, id, 'Anything else?');
      expect(closedWrite.status).toBe(409);
      expect(closedWrite.body.code).toBe('ticket_closed');

      const events = await t.events(id);
      expect(events.map((event) => [event.change, event.status])).toEqual([
        ['created', 'open'],
        ['status_changed', 'in_progress'],
        ['status_changed', 'resolved'],
        ['status_changed', 'in_progress'],
        ['status_changed', 'resolved'],
        ['status_changed', 'in_progress'],
        ['status_changed', 'closed'],
      ]);
      const times = events.map((event) => Date.parse(event.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));

      const detail = await call(admin, 'GET', `/api/v1/tickets/${id}`);
      expect(detail.body.history.map((h: { fromStatus: string | null }) => h.fromStatus)).toEqual([
        null,
        'open',
        'in_progress',
        'resolved',
        'in_progress',
        'resolved',
        'in_progress',
      ]);
    });

    it('lets an owner close from open, and agents close from open', async () => {
      const mine = await open(alice);
      expect((await setStatus(alice, mine.id, 'closed')).body.status).toBe('closed');
      const theirs = await open(bob);
      expect((await setStatus(admin, theirs.id, 'closed')).body.status).toBe('closed');
    });

    it('threads messages: an agent reply starts work and notifies, the owner message does not', async () => {
      const ticket = await open(alice);
      const own = await write(alice, ticket.id, 'More details: it is a 4K film.');
      expect(own.body.message.authorRole).toBe('user');
      expect(own.body.ticket.status).toBe('open');
      const reply = await write(admin, ticket.id, '  Which TV model?  ');
      expect(reply.status).toBe(201);
      expect(reply.body.message).toMatchObject({
        authorId: admin.id,
        authorRole: 'agent',
        body: 'Which TV model?',
      });
      expect(reply.body.ticket).toMatchObject({ status: 'in_progress', messageCount: 3 });
      const detail = await call(alice, 'GET', `/api/v1/tickets/${ticket.id}`);
      expect(detail.body.messages.map((m: { authorRole: string }) => m.authorRole)).toEqual([
        'user',
        'user',
        'agent',
      ]);
      expect((await t.events(ticket.id)).map((event) => [event.change, event.status])).toEqual([
        ['created', 'open'],
        ['replied', 'in_progress'],
      ]);
    });

    it('caps the thread (SUPPORT_MAX_MESSAGES is 5 here)', async () => {
      const ticket = await open(bob);
      for (let i = 2; i <= 5; i++) expect((await write(bob, ticket.id, `#${i}`)).status).toBe(201);
      const full = await write(bob, ticket.id, '#6');
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('thread_full');
    });

    it('assigns only to agents who used support, unassigns, and refuses closed tickets', async () => {
      const ticket = await open(alice);
      const url = `/api/v1/tickets/${ticket.id}/assignee`;
      const stranger = await call(admin, 'PUT', url, { assigneeId: randomUUID() });
      expect(stranger.status).toBe(422);
      expect(stranger.body.code).toBe('unknown_agent');
      const user = await call(admin, 'PUT', url, { assigneeId: alice.id });
      expect(user.status).toBe(422);

      await call(otherAdmin, 'GET', '/api/v1/tickets');
      const agents = await call(admin, 'GET', '/api/v1/tickets/agents');
      expect(agents.body.items.map((a: { id: string }) => a.id)).toEqual(
        expect.arrayContaining([admin.id, otherAdmin.id]),
      );
      const assigned = await call(admin, 'PUT', url, { assigneeId: otherAdmin.id });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toMatchObject({ assigneeId: otherAdmin.id, status: 'open' });
      expect((await call(admin, 'PUT', url, { assigneeId: otherAdmin.id })).status).toBe(200);
      const unassigned = await call(admin, 'PUT', url, { assigneeId: null });
      expect(unassigned.body.assigneeId).toBeNull();
      await setStatus(admin, ticket.id, 'closed');
      const closed = await call(admin, 'PUT', url, { assigneeId: admin.id });
      expect(closed.status).toBe(409);
      expect((await t.events(ticket.id)).map((event) => event.change)).toEqual([
        'created',
        'assigned',
        'assigned',
        'status_changed',
      ]);
    });

    it('validates subject, body and category', async () => {
      const post = (payload: object) => call(alice, 'POST', '/api/v1/tickets', payload);
      const good = { subject: 'Subject', body: 'Body', category: 'account' };
      const cases: [object, string][] = [
        [{ ...good, subject: 'x'.repeat(201) }, '/body/subject'],
        [{ ...good, subject: '   ' }, '/body/subject'],
        [{ ...good, body: 'x'.repeat(10_001) }, '/body/body'],
        [{ ...good, category: 'refunds' }, '/body/category'],
        [{ subject: 'Subject', body: 'Body' }, '/body/category'],
      ];
      for (const [payload, field] of cases) {
        const { status, body } = await post(payload);
        expect(status).toBe(400);
        expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(
        (await post({ ...good, subject: 'x'.repeat(200), body: 'y'.repeat(10_000) })).status,
      ).toBe(201);
      expect((await call(alice, 'GET', '/api/v1/tickets/not-a-uuid')).status).toBe(400);
    });

    it('lists with filters and pages: own tickets for users, all for agents', async () => {
      const carol = await t.issuer.caller('user');
      const dave = await t.issuer.caller('user');
      const made: Ticket[] = [];
      for (const category of ['billing', 'content', 'billing'])
        made.push(await open(carol, category, category));
      made.push(await open(dave, 'dave', 'other'));
      await setStatus(admin, made[1]?.id ?? '', 'in_progress');
      await call(admin, 'PUT', `/api/v1/tickets/${made[2]?.id}/assignee`, { assigneeId: admin.id });

      const carols = await call(carol, 'GET', '/api/v1/tickets?pageSize=2');
      expect(carols.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      // Most recent activity first: the assignment touched made[2] last.
      expect(carols.body.items.map((i: Ticket) => i.id)).toEqual([made[2]?.id, made[1]?.id]);
      const page2 = await call(carol, 'GET', '/api/v1/tickets?pageSize=2&page=2');
      expect(page2.body.items.map((i: Ticket) => i.id)).toEqual([made[0]?.id]);
      const billing = await call(carol, 'GET', '/api/v1/tickets?category=billing');
      expect(billing.body.total).toBe(2);

      const forCarol = `userId=${carol.id}`;
      const inProgress = await call(admin, 'GET', `/api/v1/tickets?${forCarol}&status=in_progress`);
      expect(inProgress.body.items.map((i: Ticket) => i.id)).toEqual([made[1]?.id]);
      const mine = await call(admin, 'GET', `/api/v1/tickets?${forCarol}&assignee=me`);
      expect(mine.body.items.map((i: Ticket) => i.id)).toEqual([made[2]?.id]);
      const byId = await call(admin, 'GET', `/api/v1/tickets?${forCarol}&assignee=${admin.id}`);
      expect(byId.body.total).toBe(1);
      const unassigned = await call(admin, 'GET', `/api/v1/tickets?${forCarol}&assignee=none`);
      expect(unassigned.body.total).toBe(2);
      const all = await call(admin, 'GET', '/api/v1/tickets?pageSize=100');
      const owners = new Set(all.body.items.map((i: Ticket) => i.userId));
      expect(owners).toEqual(new Set([alice.id, bob.id, carol.id, dave.id]));
      expect((await call(carol, 'GET', '/api/v1/tickets?status=shipped')).status).toBe(400);
    });
  });
}

for (const engine of dbEngines().slice(0, 1)) {
  describe(`support write limits on ${engine.title}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openApp(engine, { writeBurst: 2 });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('limits how often a user writes, not agents', async () => {
      const user = await t.issuer.caller('user');
      const admin = await t.issuer.caller('admin');
      const post = (caller: Caller) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/tickets',
          headers: caller.headers,
          payload: { subject: 's', body: 'b', category: 'other' },
        });
      expect((await post(user)).statusCode).toBe(201);
      const first = (await post(user)).json();
      const limited = await post(user);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const message = await t.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${first.id}/messages`,
        headers: user.headers,
        payload: { body: 'more' },
      });
      expect(message.statusCode).toBe(429);
      for (let i = 0; i < 4; i++) expect((await post(admin)).statusCode).toBe(201);
      expect((await t.events()).length).toBe(6);
    });
  });
}

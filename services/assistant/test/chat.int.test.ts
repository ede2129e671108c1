import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '@cinesync/kit/db';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AnswerRequest, type Provider, ProviderError } from '../src/providers/provider.js';
import { migrated, openApp, type TestApp, testLimiter } from './support/app.js';
import type { Caller } from './support/auth.js';
import { capturedLogger } from './support/logs.js';
import { answerText, lastEvent, parseSse } from './support/sse.js';

/** Marks every question, so the test can prove no question reaches a log line. */
const SECRET = 'zebra-umbrella-4711';

/** A provider whose answers each test scripts; it records what it was asked. */
class ScriptedProvider implements Provider {
  readonly name = 'scripted';
  requests: AnswerRequest[] = [];
  next: (request: AnswerRequest) => AsyncGenerator<string> = echo;

  answer(request: AnswerRequest): AsyncIterable<string> {
    this.requests.push(request);
    return this.next(request);
  }
}

async function* echo(request: AnswerRequest): AsyncGenerator<string> {
  yield 'You asked: ';
  yield request.turns.at(-1)?.content ?? '';
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`assistant sessions and answers on ${engine.title}`, () => {
    const provider = new ScriptedProvider();
    const { logger, lines } = capturedLogger('assistant-test');
    let db: Db;
    let t: TestApp;
    let alice: Caller;
    let bob: Caller;

    const call = async (
      caller: Caller | null,
      method: 'GET' | 'POST' | 'DELETE',
      url: string,
      payload?: object,
    ) => {
      const response = await t.app.inject({
        method,
        url,
        headers: caller?.headers,
        ...(payload ? { payload } : {}),
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    };
    const json = async (...args: Parameters<typeof call>) => {
      const response = await call(...args);
      return { ...response, json: JSON.parse(response.body || 'null') };
    };
    const newSession = async (caller: Caller, title?: string) => {
      const { status, json: session } = await json(
        caller,
        'POST',
        '/api/v1/assistant/sessions',
        title ? { title } : {},
      );
      expect(status).toBe(201);
      return session.id as string;
    };
    const ask = async (caller: Caller, sessionId: string, text: string) => {
      const response = await call(
        caller,
        'POST',
        `/api/v1/assistant/sessions/${sessionId}/messages`,
        { text },
      );
      return { ...response, events: response.status === 200 ? parseSse(response.body) : [] };
    };
    const history = async (caller: Caller, sessionId: string, query = '') =>
      (await json(caller, 'GET', `/api/v1/assistant/sessions/${sessionId}/messages${query}`)).json;

    beforeAll(async () => {
      db = await migrated(engine);
      t = await openApp(db, provider, logger, {
        config: { ASSISTANT_SESSION_MAX_MESSAGES: 6, ASSISTANT_SESSION_MAX_TOKENS: 200 },
      });
      alice = await t.issuer.caller('user');
      bob = await t.issuer.caller('user');
    });
    afterAll(async () => {
      await t?.close();
      await db?.close();
    });
    beforeEach(() => {
      provider.next = echo;
      provider.requests = [];
    });

    it('streams an answer as SSE, stores both messages, and names the session', async () => {
      const sessionId = await newSession(alice);
      const { status, headers, events } = await ask(alice, sessionId, `  Hello ${SECRET}  `);
      expect(status).toBe(200);
      expect(headers['content-type']).toContain('text/event-stream');
      expect(events.map((e) => e.event)).toEqual(['token', 'token', 'done']);
      expect(answerText(events)).toBe(`You asked: Hello ${SECRET}`);
      const done = lastEvent(events)?.data;
      const messages = await history(alice, sessionId);
      expect(messages.items).toEqual([
        expect.objectContaining({
          id: done?.questionId,
          role: 'user',
          content: `Hello ${SECRET}`,
          provider: null,
        }),
        expect.objectContaining({
          id: done?.messageId,
          role: 'assistant',
          content: `You asked: Hello ${SECRET}`,
          status: 'complete',
          provider: 'scripted',
        }),
      ]);
      const session = (await json(alice, 'GET', `/api/v1/assistant/sessions/${sessionId}`)).json;
      expect(session).toMatchObject({
        title: `Hello ${SECRET}`,
        messageCount: 2,
        answering: false,
      });
      expect(session.tokenCount).toBe(
        Math.ceil(`Hello ${SECRET}`.length / 4) +
          Math.ceil(`You asked: Hello ${SECRET}`.length / 4),
      );
      expect(provider.requests[0]?.user).toEqual({
        id: alice.id,
        token: alice.headers.authorization.slice(7),
      });
    });

    it("keeps each user's sessions to themselves", async () => {
      const sessionId = await newSession(alice, 'Films for Friday');
      const url = `/api/v1/assistant/sessions/${sessionId}`;
      expect((await call(bob, 'GET', url)).status).toBe(404);
      expect((await call(bob, 'GET', `${url}/messages`)).status).toBe(404);
      const asked = await call(bob, 'POST', `${url}/messages`, { text: 'mine now?' });
      expect(asked.status).toBe(404);
      expect(JSON.parse(asked.body).code).toBe('session_not_found');
      expect((await call(bob, 'DELETE', url)).status).toBe(404);
      const bobs = (await json(bob, 'GET', '/api/v1/assistant/sessions')).json;
      expect(bobs.items.map((s: { id: string }) => s.id)).not.toContain(sessionId);
      const alices = (await json(alice, 'GET', '/api/v1/assistant/sessions')).json;
      expect(alices.items[0]).toMatchObject({ id: sessionId, title: 'Films for Friday' });
      expect((await call(null, 'GET', '/api/v1/assistant/sessions')).status).toBe(401);
      expect((await call(null, 'POST', '/api/v1/assistant/sessions', {})).status).toBe(401);
      expect(provider.requests).toEqual([]);
      expect((await call(alice, 'DELETE', url)).status).toBe(204);
      expect((await call(alice, 'GET', url)).status).toBe(404);
    });

    it('sends earlier complete messages as context, never interrupted ones', async () => {
      const sessionId = await newSession(alice);
      await ask(alice, sessionId, 'first');
      provider.next = async function* () {
        yield 'half an ans';
        throw new ProviderError('assistant_failed', "The assistant's answer broke off.");
      };
      const broken = await ask(alice, sessionId, 'second');
      expect(lastEvent(broken.events)).toEqual({
        event: 'error',
        data: {
          code: 'assistant_failed',
          message: "The assistant's answer broke off.",
          messageId: expect.any(String),
        },
      });
      provider.next = echo;
      await ask(alice, sessionId, 'third');
      expect(provider.requests.at(-1)?.turns).toEqual([
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'You asked: first' },
        { role: 'user', content: 'second' },
        { role: 'user', content: 'third' },
      ]);
      const items = (await history(alice, sessionId)).items;
      expect(items.map((m: { content: string; status: string }) => [m.content, m.status])).toEqual([
        ['first', 'complete'],
        ['You asked: first', 'complete'],
        ['second', 'complete'],
        ['half an ans', 'interrupted'],
        ['third', 'complete'],
        ['You asked: third', 'complete'],
      ]);
      expect(items[3]?.id).toBe(lastEvent(broken.events)?.data.messageId);
    });

    it('stores nothing for an answer that failed before any text, and frees the session', async () => {
      const sessionId = await newSession(alice);
      provider.next = async function* () {
        yield* [];
        throw new ProviderError('assistant_timeout', 'The assistant did not answer in time.');
      };
      const failed = await ask(alice, sessionId, 'anyone there?');
      expect(failed.events).toEqual([
        {
          event: 'error',
          data: {
            code: 'assistant_timeout',
            message: 'The assistant did not answer in time.',
            messageId: null,
          },
        },
      ]);
      provider.next = async function* () {
        yield* [];
        throw new Error(`bug holding ${SECRET}`);
      };
      const crashed = await ask(alice, sessionId, 'again?');
      expect(lastEvent(crashed.events)?.data).toMatchObject({ code: 'internal', messageId: null });
      provider.next = echo;
      const ok = await ask(alice, sessionId, 'and now?');
      expect(lastEvent(ok.events)?.event).toBe('done');
      expect((await history(alice, sessionId)).items).toHaveLength(4);
    });

    it('answers one question at a time per session', async () => {
      const sessionId = await newSession(alice);
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      provider.next = async function* () {
        yield 'thinking… ';
        await gate;
        yield 'done';
      };
      const first = ask(alice, sessionId, 'slow one');
      while (provider.requests.length === 0) await nextTurn();
      const second = await call(alice, 'POST', `/api/v1/assistant/sessions/${sessionId}/messages`, {
        text: 'me too',
      });
      expect(second.status).toBe(409);
      expect(JSON.parse(second.body).code).toBe('answer_in_progress');
      const listed = (await json(alice, 'GET', `/api/v1/assistant/sessions/${sessionId}`)).json;
      expect(listed.answering).toBe(true);
      release();
      expect(answerText((await first).events)).toBe('thinking… done');
      // Another session of the same user is not held up.
      const other = await newSession(alice);
      expect(lastEvent((await ask(alice, other, 'hi')).events)?.event).toBe('done');
    });

    it('caps messages and approximate tokens per session (6 and 200 here)', async () => {
      const sessionId = await newSession(alice);
      for (const text of ['one', 'two', 'three']) {
        expect(lastEvent((await ask(alice, sessionId, text)).events)?.event).toBe('done');
      }
      const full = await call(alice, 'POST', `/api/v1/assistant/sessions/${sessionId}/messages`, {
        text: 'four',
      });
      expect(full.status).toBe(409);
      expect(JSON.parse(full.body).code).toBe('session_full');

      const long = await newSession(alice);
      const tooLong = await call(alice, 'POST', `/api/v1/assistant/sessions/${long}/messages`, {
        text: 'x'.repeat(801),
      });
      expect(tooLong.status).toBe(409);
      expect(JSON.parse(tooLong.body).code).toBe('session_full');
    });

    it('validates questions', async () => {
      const sessionId = await newSession(alice);
      const url = `/api/v1/assistant/sessions/${sessionId}/messages`;
      for (const payload of [{ text: '' }, { text: '   ' }, { text: 'x'.repeat(4001) }, {}]) {
        expect((await call(alice, 'POST', url, payload)).status).toBe(400);
      }
      expect(
        (await call(alice, 'POST', '/api/v1/assistant/sessions/nope/messages', { text: 'hi' }))
          .status,
      ).toBe(400);
      expect(provider.requests).toEqual([]);
    });

    it('pages the history backwards', async () => {
      const sessionId = await newSession(alice);
      await ask(alice, sessionId, 'a');
      await ask(alice, sessionId, 'b');
      const latest = await history(alice, sessionId, '?limit=3');
      expect(latest.hasMore).toBe(true);
      expect(latest.items.map((m: { content: string }) => m.content)).toEqual([
        'You asked: a',
        'b',
        'You asked: b',
      ]);
      const older = await history(alice, sessionId, `?limit=3&before=${latest.items[0].id}`);
      expect(older).toMatchObject({
        hasMore: false,
        items: [expect.objectContaining({ content: 'a' })],
      });
    });

    it('stops answering when the client goes away, keeping what was sent', async () => {
      const sessionId = await newSession(alice);
      let aborted = false;
      provider.next = async function* (request) {
        yield 'first words';
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        aborted = true;
        throw new ProviderError('cancelled', 'The answer was cancelled.');
      };
      const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const client = new AbortController();
      const response = await fetch(`${url}/api/v1/assistant/sessions/${sessionId}/messages`, {
        method: 'POST',
        headers: {
          ...alice.headers,
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify({ text: 'a long answer please' }),
        signal: client.signal,
      });
      const reader = response.body?.getReader();
      const first = new TextDecoder().decode((await reader?.read())?.value);
      expect(first).toContain('first words');
      client.abort();
      const settled = async () => (await history(alice, sessionId)).items as { status: string }[];
      for (let i = 0; i < 100 && (await settled()).length < 2; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(aborted).toBe(true);
      expect((await history(alice, sessionId)).items.at(-1)).toMatchObject({
        role: 'assistant',
        content: 'first words',
        status: 'interrupted',
      });
      provider.next = echo;
      expect(lastEvent((await ask(alice, sessionId, 'again')).events)?.event).toBe('done');
    });

    it('never writes a question or an answer to the log', () => {
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
      expect(lines.some((line) => line.includes('answer failed'))).toBe(true);
    });
  });
}

describe('assistant limits and shutdown on pglite', () => {
  let db: Db;
  beforeAll(async () => {
    const [pglite] = dbEngines();
    if (!pglite) throw new Error('no engine');
    db = await migrated(pglite);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('limits questions and new sessions per user', async () => {
    const t = await openApp(db, new ScriptedProvider(), capturedLogger('t').logger, {
      limiter: testLimiter(2),
    });
    try {
      const user = await t.issuer.caller('user');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/assistant/sessions',
        headers: user.headers,
        payload: {},
      });
      const url = `/api/v1/assistant/sessions/${created.json().id}/messages`;
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url,
            headers: user.headers,
            payload: { text: 'hi' },
          })
        ).statusCode,
      ).toBe(200);
      const limited = await t.app.inject({
        method: 'POST',
        url,
        headers: user.headers,
        payload: { text: 'hi' },
      });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const other = await t.issuer.caller('user');
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/assistant/sessions',
            headers: other.headers,
            payload: {},
          })
        ).statusCode,
      ).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('on shutdown, cuts answers still running after the grace and keeps what they had', async () => {
    const provider = new ScriptedProvider();
    provider.next = async function* (request) {
      yield 'partial';
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      throw new ProviderError('cancelled', 'The answer was cancelled.');
    };
    const t = await openApp(db, provider, capturedLogger('t').logger, { shutdownGraceMs: 50 });
    const user = await t.issuer.caller('user');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assistant/sessions',
      headers: user.headers,
      payload: {},
    });
    const sessionId = created.json().id;
    const answer = t.app.inject({
      method: 'POST',
      url: `/api/v1/assistant/sessions/${sessionId}/messages`,
      headers: user.headers,
      payload: { text: 'long story' },
    });
    while (provider.requests.length === 0) await nextTurn();
    await t.close();
    const events = parseSse((await answer).body);
    expect(lastEvent(events)).toEqual({
      event: 'error',
      data: {
        code: 'shutting_down',
        message: 'The assistant is restarting; please ask again.',
        messageId: expect.any(String),
      },
    });
    const { rows } = await db.query<{ content: string; status: string }>(
      "SELECT content, status FROM chat_messages WHERE role = 'assistant' AND session_id = $1",
      [sessionId],
    );
    expect(rows).toEqual([{ content: 'partial', status: 'interrupted' }]);
  });
});

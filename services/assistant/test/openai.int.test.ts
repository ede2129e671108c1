import { createServer } from 'node:net';
import type { Db } from '@cinesync/kit/db';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CatalogApi } from '../src/clients/catalog.js';
import { EngagementApi } from '../src/clients/engagement.js';
import type { FilmData } from '../src/film-data.js';
import { ChatCompletions, type ChatCompletionsOptions } from '../src/providers/openai/client.js';
import { OpenAiProvider } from '../src/providers/openai/provider.js';
import { ProviderError } from '../src/providers/provider.js';
import { ratingsFromDb } from '../src/ratings.js';
import { applyRating } from '../src/repository.js';
import { migrated, openApp, type TestApp } from './support/app.js';
import type { Caller } from './support/auth.js';
import {
  type ChatRequestBody,
  chunk,
  type FakeModel,
  startFakeModel,
  streamed,
} from './support/fake-model.js';
import { type FakePlatform, FILMS, startFakePlatform } from './support/fake-platform.js';
import { capturedLogger } from './support/logs.js';
import { answerText, lastEvent, parseSse } from './support/sse.js';

const SECRET = 'marmalade-lighthouse-0815';
const [HEAT, ALIEN] = FILMS;

const clientOptions = (url: string, overrides: Partial<ChatCompletionsOptions> = {}) => ({
  baseUrl: url,
  apiKey: 'sk-test',
  model: 'test-model',
  connectTimeoutMs: 1000,
  idleTimeoutMs: 300,
  maxTokens: 100,
  breakerFailures: 2,
  breakerResetMs: 60_000,
  ...overrides,
});

function filmData(platform: FakePlatform, db: Db): FilmData {
  const upstream = {
    baseUrl: platform.url,
    timeoutMs: 1000,
    breakerFailures: 5,
    breakerResetMs: 1000,
  };
  return {
    catalog: new CatalogApi(upstream),
    engagement: new EngagementApi(upstream),
    ratings: ratingsFromDb(db),
  };
}

/** Runs one answer straight through a provider: its text, or how it failed. */
async function collect(provider: OpenAiProvider, question: string) {
  let text = '';
  try {
    for await (const piece of provider.answer({
      user: { id: '00000000-0000-4000-8000-000000000000', token: 't' },
      turns: [{ role: 'user', content: question }],
      signal: new AbortController().signal,
    })) {
      text += piece;
    }
    return { text, error: undefined };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return { text, error: err };
  }
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(
    `the OpenAI-compatible provider against a fake model on ${engine.title}`,
    () => {
      const { logger, lines } = capturedLogger('assistant-test');
      let db: Db;
      let model: FakeModel;
      let platform: FakePlatform;
      let data: FilmData;
      let client: ChatCompletions;
      let t: TestApp;
      let user: Caller;

      const ask = async (text: string) => {
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/v1/assistant/sessions',
          headers: user.headers,
          payload: {},
        });
        const sessionId = created.json().id as string;
        const response = await t.app.inject({
          method: 'POST',
          url: `/api/v1/assistant/sessions/${sessionId}/messages`,
          headers: user.headers,
          payload: { text },
        });
        expect(response.statusCode).toBe(200);
        const history = await t.app.inject({
          url: `/api/v1/assistant/sessions/${sessionId}/messages`,
          headers: user.headers,
        });
        return {
          events: parseSse(response.body),
          messages: history.json().items as { content: string; status: string; provider: string }[],
        };
      };

      beforeAll(async () => {
        db = await migrated(engine);
        model = await startFakeModel();
        platform = await startFakePlatform();
        data = filmData(platform, db);
        // Failures here are the point of the tests: the breaker must not open between them.
        client = new ChatCompletions(clientOptions(model.url, { breakerFailures: 100 }));
        const provider = new OpenAiProvider({
          client,
          data,
          model: 'test-model',
          maxToolRounds: 2,
          answerTimeoutMs: 10_000,
        });
        t = await openApp(db, provider, logger);
        user = await t.issuer.caller('user');
      });
      afterAll(async () => {
        await t?.close();
        await client?.close();
        await data?.catalog.close();
        await data?.engagement.close();
        await model?.close();
        await platform?.close();
        await db?.close();
      });
      beforeEach(() => {
        model.requests = [];
        model.script = () => streamed('Hello there.');
      });

      it("streams the model's answer as it comes and sends it the conversation", async () => {
        const { events, messages } = await ask(`Hi, ${SECRET}`);
        expect(events.map((e) => e.event)).toEqual(['token', 'token', 'token', 'done']);
        expect(answerText(events)).toBe('Hello there.');
        expect(messages.at(-1)).toMatchObject({
          content: 'Hello there.',
          status: 'complete',
          provider: 'openai:test-model',
        });
        const [request] = model.requests;
        expect(request?.authorization).toBe('Bearer sk-test');
        expect(request?.body).toMatchObject({
          model: 'test-model',
          stream: true,
          max_tokens: 100,
          tool_choice: 'auto',
        });
        expect(request?.body.tools?.map((tool) => tool.function.name)).toEqual([
          'search_films',
          'get_my_ratings',
          'get_my_bookmarks',
        ]);
        expect(request?.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
        expect(request?.body.messages[1]?.content).toBe(`Hi, ${SECRET}`);
      });

      it('runs the tools the model calls, for this user, and loops until it answers', async () => {
        if (!HEAT || !ALIEN) throw new Error('fixture');
        await applyRating(db, {
          userId: user.id,
          filmId: ALIEN.id,
          value: 9,
          ratedAt: new Date().toISOString(),
        });
        model.script = (_body, index) =>
          index === 0
            ? {
                steps: [
                  chunk.role(),
                  chunk.text('Let me look. '),
                  chunk.toolCall(0, { id: 'call_a', name: 'search_films' }),
                  chunk.toolCall(0, { arguments: '{"query":' }),
                  chunk.toolCall(0, { arguments: '"heat"}' }),
                  chunk.toolCall(1, { id: 'call_b', name: 'get_my_bookmarks', arguments: '{}' }),
                  chunk.toolCall(2, { id: 'call_c', name: 'get_my_ratings' }),
                  chunk.finish('tool_calls'),
                  chunk.done(),
                ],
              }
            : streamed('Heat is in the catalog.');
        const { events, messages } = await ask(`Is Heat there? ${SECRET}`);
        expect(answerText(events)).toBe('Let me look. Heat is in the catalog.');
        expect(messages.at(-1)?.content).toBe('Let me look. Heat is in the catalog.');
        expect(model.requests).toHaveLength(2);
        const followUp = model.requests[1]?.body.messages ?? [];
        expect(followUp.map((m) => m.role)).toEqual([
          'system',
          'user',
          'assistant',
          'tool',
          'tool',
          'tool',
        ]);
        expect(followUp[2]).toMatchObject({
          content: 'Let me look. ',
          tool_calls: [
            { id: 'call_a', function: { name: 'search_films', arguments: '{"query":"heat"}' } },
            { id: 'call_b', function: { name: 'get_my_bookmarks', arguments: '{}' } },
            { id: 'call_c', function: { name: 'get_my_ratings', arguments: '' } },
          ],
        });
        const results = Object.fromEntries(
          followUp.slice(3).map((m) => [m.tool_call_id, JSON.parse(m.content ?? '')]),
        );
        expect(results.call_a).toEqual({
          total: 1,
          films: [expect.objectContaining({ id: HEAT.id, title: 'Heat', genres: HEAT.genres })],
        });
        expect(results.call_b).toEqual({
          bookmarks: [{ filmId: ALIEN.id, title: 'Alien', year: 1979 }],
        });
        expect(results.call_c).toEqual({
          ratings: [{ filmId: ALIEN.id, title: 'Alien', year: 1979, rating: 9 }],
        });
        expect(platform.searches).toContain('heat');
        // Bookmarks are read as the user, with the user's own token.
        expect(platform.bookmarkAuth.at(-1)).toBe(user.headers.authorization);
      });

      it('stops the tool loop after the last allowed round with tool_choice none', async () => {
        model.script = (body: ChatRequestBody) =>
          body.tool_choice === 'none'
            ? streamed('Enough searching.')
            : {
                steps: [
                  chunk.toolCall(0, { id: 'call_x', name: 'search_films', arguments: 'not json' }),
                  chunk.toolCall(1, { id: 'call_y', name: 'delete_everything', arguments: '{}' }),
                  chunk.finish('tool_calls'),
                  chunk.done(),
                ],
              };
        const { events } = await ask('Keep searching');
        expect(answerText(events)).toBe('Enough searching.');
        expect(model.requests.map((r) => r.body.tool_choice)).toEqual(['auto', 'auto', 'none']);
        const tools = model.requests[2]?.body.messages.filter((m) => m.role === 'tool') ?? [];
        expect(tools.map((m) => JSON.parse(m.content ?? '').error)).toEqual([
          'Invalid arguments: see the parameters of search_films.',
          'There is no tool called delete_everything.',
          'Invalid arguments: see the parameters of search_films.',
          'There is no tool called delete_everything.',
        ]);
      });

      it('ends a stream that goes quiet with an error event and keeps the partial answer', async () => {
        model.script = () => ({
          steps: [
            chunk.role(),
            chunk.text('Once upon'),
            { wait: 1500 },
            chunk.text(' a time'),
            chunk.finish(),
            chunk.done(),
          ],
        });
        const { events, messages } = await ask('Tell me a story');
        expect(answerText(events)).toBe('Once upon');
        expect(lastEvent(events)).toEqual({
          event: 'error',
          data: {
            code: 'assistant_timeout',
            message: 'The assistant stopped sending its answer.',
            messageId: expect.any(String),
          },
        });
        expect(messages.at(-1)).toMatchObject({ content: 'Once upon', status: 'interrupted' });
      });

      it.each([
        ['the connection drops', { destroy: true as const }],
        ['the API sends an error chunk', { data: { error: { message: `overloaded ${SECRET}` } } }],
        ['a chunk is not JSON', { data: `{"choices": [ ${SECRET}` }],
      ])('reports an error mid-stream when %s', async (_case, failure) => {
        // The pause lets the first chunks arrive before the failure, as when a stream breaks later on.
        model.script = () => ({
          steps: [chunk.role(), chunk.text('Partial'), { wait: 50 }, failure],
        });
        const { events, messages } = await ask(`Question ${SECRET}`);
        expect(answerText(events)).toBe('Partial');
        expect(lastEvent(events)?.data).toMatchObject({
          code: 'assistant_failed',
          messageId: expect.any(String),
        });
        expect(messages.at(-1)).toMatchObject({ content: 'Partial', status: 'interrupted' });
      });

      it('reports an unusable HTTP answer and stores nothing', async () => {
        model.script = () => ({ status: 500 });
        const { events, messages } = await ask(`Fail please ${SECRET}`);
        expect(events).toEqual([
          {
            event: 'error',
            data: {
              code: 'assistant_unavailable',
              message: 'The assistant is busy or down right now.',
              messageId: null,
            },
          },
        ]);
        expect(messages.map((m) => m.status)).toEqual(['complete']);
      });

      it('never logs the prompt, even when the model API quotes it back', () => {
        expect(lines.some((line) => line.includes('answer failed'))).toBe(true);
        expect(lines.filter((line) => line.includes(SECRET))).toEqual([]);
      });
    },
  );
}

const unconfigured = {
  baseUrl: undefined,
  timeoutMs: 100,
  breakerFailures: 1,
  breakerResetMs: 100,
};

describe('the model circuit breaker', () => {
  let model: FakeModel;
  beforeAll(async () => {
    model = await startFakeModel();
  });
  afterAll(async () => {
    await model?.close();
  });
  const providerFor = (client: ChatCompletions) =>
    new OpenAiProvider({
      client,
      // No tool runs here (maxToolRounds 0): services that are not configured.
      data: {
        catalog: new CatalogApi(unconfigured),
        engagement: new EngagementApi(unconfigured),
        ratings: { ratingsOf: async () => [] },
      },
      model: 'test-model',
      maxToolRounds: 0,
      answerTimeoutMs: 5_000,
    });

  it('opens after consecutive failures and then fails fast without calling the API', async () => {
    model.requests = [];
    model.script = () => ({ status: 503 });
    const client = new ChatCompletions(clientOptions(model.url));
    const provider = providerFor(client);
    try {
      for (let i = 0; i < 2; i++)
        expect((await collect(provider, 'hi')).error?.code).toBe('assistant_unavailable');
      expect(client.breakerState).toBe('open');
      const fast = await collect(provider, 'hi');
      expect(fast.error?.message).toBe(
        'The assistant is unavailable right now; try again shortly.',
      );
      expect(model.requests).toHaveLength(2);
    } finally {
      await client.close();
    }
  });

  it('is not opened by answers that refuse our request (a bad key)', async () => {
    model.requests = [];
    model.script = () => ({ status: 401 });
    const client = new ChatCompletions(clientOptions(model.url));
    try {
      for (let i = 0; i < 3; i++)
        expect((await collect(providerFor(client), 'hi')).error?.code).toBe(
          'assistant_unavailable',
        );
      expect(model.requests).toHaveLength(3);
      expect(client.breakerState).toBe('closed');
    } finally {
      await client.close();
    }
  });

  it('reports a model API that cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    const client = new ChatCompletions(clientOptions(`http://127.0.0.1:${address.port}/v1`));
    try {
      const { error } = await collect(providerFor(client), 'hi');
      expect(error?.code).toBe('assistant_unavailable');
      expect(error?.message).toBe('The assistant cannot be reached right now.');
    } finally {
      await client.close();
    }
  });
});

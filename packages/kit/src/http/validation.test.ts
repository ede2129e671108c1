import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { createServer, type Problem, type Server } from './index.js';

const servers: Server[] = [];

async function build(): Promise<Server> {
  const logger = createLogger({ service: 'svc', level: 'silent' });
  const server = await createServer({ service: 'svc', logger });
  servers.push(server);
  server.post(
    '/screens/:screen/bookings',
    {
      schema: {
        params: Type.Object({ screen: Type.Integer() }),
        querystring: Type.Object({ page: Type.Optional(Type.Integer()) }),
        body: Type.Object(
          {
            seats: Type.Integer({ minimum: 1 }),
            accessible: Type.Boolean(),
            note: Type.String(),
            channel: Type.Optional(Type.String({ default: 'web' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    // Echoes what the handler received, with the JavaScript type of each value.
    async (request) => ({
      received: { ...request.params, ...request.query, ...request.body },
      types: Object.fromEntries(
        Object.entries({ ...request.params, ...request.query, ...request.body }).map(
          ([key, value]) => [key, typeof value],
        ),
      ),
    }),
  );
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const valid = { seats: 7, accessible: true, note: 'aisle' };

async function book(body: unknown, url = '/screens/3/bookings') {
  const server = await build();
  return server.inject({ method: 'POST', url, payload: body as object });
}

function fieldsOf(response: { json: () => unknown }): string[] {
  const problem = response.json() as Problem;
  expect(problem.code).toBe('validation_failed');
  return (problem.errors ?? []).map((error) => error.field).sort();
}

describe('request validation', () => {
  it('accepts a body whose values have the schema types', async () => {
    const response = await book(valid);
    expect(response.statusCode).toBe(200);
    expect(response.json().received).toMatchObject(valid);
  });

  it('does not coerce a JSON string into an integer body field', async () => {
    const response = await book({ ...valid, seats: '7' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(fieldsOf(response)).toEqual(['/body/seats']);
  });

  it('does not coerce booleans into numbers or numbers into strings in the body', async () => {
    const response = await book({ seats: true, accessible: 'true', note: 5 });
    expect(response.statusCode).toBe(400);
    // allErrors: every wrong field in one answer, not only the first.
    expect(fieldsOf(response)).toEqual(['/body/accessible', '/body/note', '/body/seats']);
  });

  it('still coerces the query string and path params, which are text', async () => {
    const response = await book(valid, '/screens/3/bookings?page=2');
    expect(response.statusCode).toBe(200);
    const { received, types } = response.json();
    expect(received).toMatchObject({ screen: 3, page: 2 });
    expect(types).toMatchObject({ screen: 'number', page: 'number' });
    const bad = await book(valid, '/screens/3/bookings?page=two');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['/query/page']);
  });

  it('refuses U+0000 in any part with a 400 naming the field (Postgres cannot store it)', async () => {
    const inBody = await book({ ...valid, note: 'ai\u0000sle' });
    expect(inBody.statusCode).toBe(400);
    expect(fieldsOf(inBody)).toEqual(['/body/note']);
    const server = await build();
    server.get(
      '/search',
      { schema: { querystring: Type.Object({ q: Type.String() }) } },
      async (request) => request.query,
    );
    const search = await server.inject({ url: '/search?q=he%00at' });
    expect(search.statusCode).toBe(400);
    expect(fieldsOf(search)).toEqual(['/query/q']);
    expect((await server.inject({ url: '/search?q=heat' })).json()).toEqual({ q: 'heat' });
  });

  it('keeps the body defaults: defaults filled in, unknown fields dropped', async () => {
    const response = await book({ ...valid, extra: 'dropped' });
    expect(response.statusCode).toBe(200);
    expect(response.json().received).toEqual({ screen: 3, ...valid, channel: 'web' });
  });
});

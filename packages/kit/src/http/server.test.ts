import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { UpstreamAnswerError, UpstreamUnavailableError } from '../client/index.js';
import { createLogger } from '../log/index.js';
import { CircuitOpenError, TimeoutError } from '../resilience/index.js';
import { conflict, createServer, type Problem, type Server, tooManyRequests } from './index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { lines, logger: createLogger({ service: 'svc', level: 'debug', destination }) };
}

const servers: Server[] = [];
async function build(options: Partial<Parameters<typeof createServer>[0]> = {}) {
  const { lines, logger } = capture();
  const server = await createServer({ service: 'svc', logger, ...options });
  servers.push(server);
  return { server, lines };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('health', () => {
  it('answers /healthz and /readyz when every check passes', async () => {
    const { server } = await build({ ready: { db: async () => {} } });
    expect((await server.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { db: { status: 'ok' } } });
  });

  it('answers 503 naming failing and hanging checks', async () => {
    const { server } = await build({
      readyTimeoutMs: 50,
      ready: {
        db: async () => {},
        cache: async () => {
          throw new Error('connection refused');
        },
        bus: () => new Promise(() => {}),
      },
    });
    const ready = await server.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      status: 'fail',
      checks: {
        db: { status: 'ok' },
        cache: { status: 'fail', error: 'connection refused' },
        bus: { status: 'fail', error: expect.stringContaining('timed out') },
      },
    });
  });
});

describe('metrics', () => {
  it('counts requests by route template and exposes process metrics', async () => {
    const { server } = await build();
    server.get('/items/:id', async () => ({ ok: true }));
    await server.inject('/items/1');
    await server.inject('/items/2');
    await server.inject('/nowhere');
    const text = (await server.inject('/metrics')).body;
    const counter = text
      .split('\n')
      .find(
        (line) => line.startsWith('http_requests_total{') && line.includes('route="/items/:id"'),
      );
    expect(counter).toContain('status_code="200"');
    expect(counter).toContain('service="svc"');
    expect(counter?.endsWith(' 2')).toBe(true);
    expect(text).toContain('route="unmatched"');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/items\/:id"/);
    // Earlier requests have left; only the scrape itself is in flight.
    expect(text).toContain('http_requests_in_flight{service="svc"} 1');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps one registry per server so two services share a process', async () => {
    const a = (await build({ service: 'a' })).server;
    const b = (await build({ service: 'b' })).server;
    const { Counter } = await import('prom-client');
    new Counter({ name: 'movies_played_total', help: 'plays', registers: [a.metrics] }).inc(3);
    await a.inject('/healthz');
    const textA = (await a.inject('/metrics')).body;
    const textB = (await b.inject('/metrics')).body;
    expect(textA).toContain('movies_played_total{service="a"} 3');
    expect(textB).not.toContain('movies_played_total');
    expect(textB).toContain('service="b"');
  });
});

describe('errors as problem+json', () => {
  async function withRoutes() {
    const built = await build({ bodyLimit: 100 });
    const { server } = built;
    server.post(
      '/users',
      {
        schema: {
          body: Type.Object({
            email: Type.String({ format: 'email' }),
            name: Type.String({ minLength: 1 }),
          }),
          response: { 201: Type.Object({ id: Type.String() }) },
        },
      },
      async (_request, reply) => reply.code(201).send({ id: 'u1' }),
    );
    server.get('/boom', async () => {
      throw new Error('password=hunter2 at db.internal:5432');
    });
    server.get('/taken', async () => {
      throw conflict('That email is already registered.', 'email_taken');
    });
    server.get('/slow', async () => {
      throw new TimeoutError(100);
    });
    server.get('/open', async () => {
      throw new CircuitOpenError('tmdb', 1500);
    });
    server.get('/busy', async () => {
      throw tooManyRequests(undefined, 7);
    });
    server.get('/catalog-down', async () => {
      throw new UpstreamUnavailableError('catalog', 'circuit open', { retryAfterMs: 3000 });
    });
    server.get('/catalog-wrong', async () => {
      // The catalog's 403 is a broken contract between services, not the caller's 403.
      throw new UpstreamAnswerError('catalog', 403, 'forbidden');
    });
    return built;
  }

  function problemOf(response: { headers: Record<string, unknown>; json: () => unknown }): Problem {
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    return response.json() as Problem;
  }

  it('names every invalid field', async () => {
    const { server } = await withRoutes();
    const response = await server.inject({
      method: 'POST',
      url: '/users?x=1',
      payload: { email: 'nope' },
    });
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem).toMatchObject({
      type: 'urn:cinesync:problem:validation_failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      instance: '/users',
      requestId: response.headers['x-request-id'],
    });
    expect(problem.errors?.map((error) => error.field).sort()).toEqual([
      '/body/email',
      '/body/name',
    ]);
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const { server } = await withRoutes();
    const headers = { 'content-type': 'application/json' };
    const malformed = await server.inject({
      method: 'POST',
      url: '/users',
      headers,
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(problemOf(malformed).code).toBe('malformed_json');
    const big = await server.inject({
      method: 'POST',
      url: '/users',
      headers,
      payload: JSON.stringify({ email: 'a@b.co', name: 'x'.repeat(200) }),
    });
    expect(big.statusCode).toBe(413);
    expect(problemOf(big).code).toBe('payload_too_large');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const { server } = await withRoutes();
    const response = await server.inject('/missing?token=abc');
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ code: 'route_not_found', instance: '/missing' });
    expect(response.body).not.toContain('abc');
  });

  it('hides unexpected errors behind a 500 but logs them', async () => {
    const { server, lines } = await withRoutes();
    const response = await server.inject('/boom');
    expect(response.statusCode).toBe(500);
    expect(problemOf(response)).toMatchObject({
      code: 'internal',
      detail: 'An unexpected error occurred.',
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('db.internal');
    const logged = lines.find((line) => line.msg === 'request failed');
    expect(JSON.stringify(logged)).toContain('db.internal');
  });

  it('maps catalogue and resilience errors to their statuses', async () => {
    const { server } = await withRoutes();
    const taken = await server.inject('/taken');
    expect(taken.statusCode).toBe(409);
    expect(problemOf(taken)).toMatchObject({
      code: 'email_taken',
      detail: 'That email is already registered.',
    });
    expect(problemOf(await server.inject('/slow')).status).toBe(504);
    const open = await server.inject('/open');
    expect(problemOf(open)).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(open.headers['retry-after']).toBe('2');
    const busy = await server.inject('/busy');
    expect(busy.statusCode).toBe(429);
    expect(busy.headers['retry-after']).toBe('7');
    const down = await server.inject('/catalog-down');
    expect(problemOf(down)).toMatchObject({ status: 503, code: 'upstream_unavailable' });
    expect(down.headers['retry-after']).toBe('3');
    expect(problemOf(await server.inject('/catalog-wrong'))).toMatchObject({
      status: 502,
      code: 'upstream_failed',
    });
  });
});

describe('request id', () => {
  it('echoes a valid incoming id and logs it on every line of the request', async () => {
    const { server, lines } = await build();
    server.get('/hello', async (request) => {
      request.log.info('inside handler');
      return { ok: true };
    });
    const response = await server.inject({ url: '/hello', headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers['x-request-id']).toBe('abc-123');
    const requestLines = lines.filter((line) => line.requestId === 'abc-123');
    expect(requestLines.map((line) => line.msg)).toEqual([
      'incoming request',
      'inside handler',
      'request completed',
    ]);
  });

  it('replaces a missing, oversized or unsafe id with a fresh one', async () => {
    const { server } = await build();
    for (const incoming of [undefined, 'x'.repeat(129), 'a b', 'a"}\n{']) {
      const headers = incoming === undefined ? {} : { 'x-request-id': incoming };
      const response = await server.inject({ url: '/healthz', headers });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('openapi', () => {
  it('documents declared routes, problems and bearer auth', async () => {
    const { server } = await build({ version: '1.2.3', openapi: { title: 'Catalog API' } });
    server.get(
      '/movies/:id',
      {
        schema: {
          summary: 'One movie',
          params: Type.Object({ id: Type.String() }),
          response: { 200: Type.Object({ id: Type.String(), title: Type.String() }) },
        },
      },
      async (request) => ({ id: request.params.id, title: 'Alien' }),
    );
    const doc = (await server.inject('/openapi.json')).json();
    expect(doc.info).toMatchObject({ title: 'Catalog API', version: '1.2.3' });
    const operation = doc.paths['/movies/{id}'].get;
    expect(operation.summary).toBe('One movie');
    expect(operation.responses['200']).toBeDefined();
    expect(operation.responses.default).toEqual({ $ref: '#/components/responses/Problem' });
    expect(doc.components.schemas.Problem.properties.code).toBeDefined();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(doc.paths['/metrics']).toBeUndefined();
  });
});

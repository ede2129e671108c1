import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitOpenError, TimeoutError } from '../resilience/index.js';
import { initTelemetry, shutdownTelemetry } from '../telemetry/index.js';
import {
  JsonClient,
  type JsonClientOptions,
  UpstreamAnswerError,
  UpstreamUnavailableError,
} from './index.js';

const Film = Type.Object({ id: Type.String(), title: Type.String() });

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A service with one path per behaviour; `/flaky` follows `state.failing`. */
async function startService() {
  const state = { failing: false, requests: 0, seen: [] as Seen[] };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += String(chunk);
    });
    req.on('end', () => {
      state.requests++;
      state.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, payload: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(payload);
      const path = (req.url ?? '').split('?')[0];
      switch (path) {
        case '/api/films/1':
          return send(200, JSON.stringify({ id: '1', title: 'Ikiru', extra: true }));
        case '/api/echo':
          return send(200, JSON.stringify({ id: req.method ?? '', title: body }));
        case '/api/empty':
          return res.writeHead(204).end();
        case '/api/wrong-shape':
          return send(200, JSON.stringify({ id: 1 }));
        case '/api/not-json':
          return send(200, '<html>hello</html>');
        case '/api/forbidden':
          return send(403, '{"title":"Forbidden"}');
        case '/api/broken':
          return send(500, '{"title":"boom"}');
        case '/api/busy':
          return send(429, '{"title":"slow down"}');
        case '/api/slow':
          setTimeout(() => send(200, '{"id":"1","title":"late"}'), 5_000).unref();
          return;
        case '/api/flaky':
          return state.failing ? send(503, '{}') : send(200, '{"id":"2","title":"Ran"}');
        default:
          return send(404, '{"title":"Not Found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { state, server, url: `http://127.0.0.1:${port}/api` };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** What a promise rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('JsonClient against a real HTTP server', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  const clients: JsonClient[] = [];
  const client = (options: Partial<JsonClientOptions> = {}) => {
    const created = new JsonClient({
      name: 'films',
      baseUrl: service.url,
      timeoutMs: 2_000,
      breaker: { failureThreshold: 1, resetTimeoutMs: 60_000 },
      ...options,
    });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    service = await startService();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await closeServer(service.server);
  });

  it('answers the checked body, sends query, headers and a JSON body under the base path', async () => {
    const films = client();
    expect(await films.get('films/1', Film)).toMatchObject({ id: '1', title: 'Ikiru' });

    const echoed = await films.post('/echo', { ids: ['a'] }, Film, {
      query: { page: 2, q: 'seven samurai', skipped: undefined },
      headers: { authorization: 'Bearer t' },
    });
    expect(echoed).toEqual({ id: 'POST', title: '{"ids":["a"]}' });
    const seen = service.state.seen.at(-1);
    expect(seen?.url).toBe('/api/echo?page=2&q=seven+samurai');
    expect(seen?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: 'Bearer t',
    });

    expect(await films.request('DELETE', 'empty', Type.Undefined())).toBeUndefined();
  });

  it('answers null for a 404 without counting it against the circuit', async () => {
    const films = client();
    for (let i = 0; i < 3; i++) expect(await films.get('films/404', Film)).toBeNull();
    expect(films.circuitState).toBe('closed');
  });

  it('reports a wrong answer as such, and does not open the circuit for it', async () => {
    const films = client();
    for (const path of ['wrong-shape', 'not-json', 'forbidden']) {
      const err = await rejection(films.get(path, Film));
      expect(err).toBeInstanceOf(UpstreamAnswerError);
      expect(err).toMatchObject({ service: 'films', status: path === 'forbidden' ? 403 : 200 });
    }
    expect(films.circuitState).toBe('closed');
  });

  it('reports 5xx and 429 as unavailable, and they open the circuit', async () => {
    for (const [path, status] of [
      ['broken', 500],
      ['busy', 429],
    ] as const) {
      const films = client();
      const err = await rejection(films.get(path, Film));
      expect(err).toBeInstanceOf(UpstreamUnavailableError);
      expect(err).toMatchObject({ service: 'films', status });
      expect(films.circuitState).toBe('open');
    }
  });

  it('gives up on a slow answer within its budget', async () => {
    const films = client({ timeoutMs: 100 });
    // The cause is the kit's timeout, not the slow answer arriving: the budget cut the call.
    const err = await rejection(films.get('slow', Film));
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect((err as Error).cause).toBeInstanceOf(TimeoutError);
  });

  it('is unavailable when nothing listens, or no base URL is configured', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await closeServer(closed);
    const refused = await rejection(client({ baseUrl: `http://127.0.0.1:${port}` }).get('x', Film));
    expect(refused).toBeInstanceOf(UpstreamUnavailableError);
    expect((refused as Error).message).toMatch(/ECONNREFUSED/);

    const unset = await rejection(client({ baseUrl: undefined }).get('films/1', Film));
    expect(unset).toBeInstanceOf(UpstreamUnavailableError);
    expect((unset as Error).message).toBe('films is unavailable: not configured');
  });

  it('fails fast while open, then a probe after the reset time reopens or closes it', async () => {
    let clock = 0;
    const changes: string[] = [];
    const films = client({
      breaker: {
        failureThreshold: 2,
        resetTimeoutMs: 1_000,
        now: () => clock,
        onStateChange: (to, from) => changes.push(`${from}->${to}`),
      },
    });
    service.state.failing = true;
    for (let i = 0; i < 2; i++) {
      expect(await rejection(films.get('flaky', Film))).toMatchObject({ status: 503 });
    }
    expect(films.circuitState).toBe('open');

    const reached = service.state.requests;
    clock += 400;
    const open = await rejection(films.get('flaky', Film));
    expect(open).toBeInstanceOf(UpstreamUnavailableError);
    expect((open as Error).cause).toBeInstanceOf(CircuitOpenError);
    expect((open as UpstreamUnavailableError).retryAfterMs).toBe(600);
    expect(service.state.requests).toBe(reached);

    // Half-open: one probe reaches the service; it still fails, so the circuit opens again.
    clock += 600;
    expect(films.circuitState).toBe('half-open');
    expect(await rejection(films.get('flaky', Film))).toMatchObject({ status: 503 });
    expect(films.circuitState).toBe('open');
    expect(service.state.requests).toBe(reached + 1);

    // The service recovers: the next probe succeeds and closes the circuit.
    service.state.failing = false;
    clock += 1_000;
    expect(await films.get('flaky', Film)).toEqual({ id: '2', title: 'Ran' });
    expect(films.circuitState).toBe('closed');
    expect(changes).toEqual([
      'closed->open',
      'open->half-open',
      'half-open->open',
      'open->half-open',
      'half-open->closed',
    ]);
  });

  describe('with telemetry on (no exporter)', () => {
    beforeAll(() => initTelemetry({ service: 'client-test', otlpEndpoint: '', sentryDsn: '' }));
    afterAll(() => shutdownTelemetry());

    it("passes the caller's trace context to the service", async () => {
      const films = client();
      const traceId = await trace.getTracer('test').startActiveSpan('caller', async (span) => {
        await films.get('films/1', Film);
        span.end();
        return span.spanContext().traceId;
      });
      const [, sentTrace] = String(service.state.seen.at(-1)?.headers.traceparent).split('-');
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(sentTrace).toBe(traceId);
    });
  });
});

import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadUrl, type FakeUpstream, rawGet, startGateway, startUpstream } from './fixtures.js';

let catalog: FakeUpstream;
let engagement: FakeUpstream;
let identity: FakeUpstream;
let gateway: StartedService;

beforeAll(async () => {
  [catalog, engagement, identity] = await Promise.all([
    startUpstream('catalog'),
    startUpstream('engagement'),
    startUpstream('identity'),
  ]);
  gateway = await startGateway({
    CATALOG_URL: catalog.url,
    ENGAGEMENT_URL: engagement.url,
    IDENTITY_URL: identity.url,
    ORDERS_URL: await deadUrl(),
    // Far above the test's own timeout: a refused connection must not wait for it.
    UPSTREAM_TIMEOUT: '60s',
    RATE_LIMIT_CAPACITY: '10000',
  });
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([catalog, engagement, identity].map((upstream) => upstream.close()));
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { headers });

async function serviceOf(path: string): Promise<string> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return ((await response.json()) as { service: string }).service;
}

describe('routing by the table', () => {
  it.each([
    ['/api/v1/films', 'catalog'],
    ['/api/v1/films/42', 'catalog'],
    ['/api/v1/films/42/credits', 'catalog'],
    ['/api/v1/films/42/stats', 'engagement'],
    ['/api/v1/films/42/reviews', 'engagement'],
    ['/api/v1/reviews/7/comments', 'engagement'],
    ['/api/v1/bookmarks', 'engagement'],
    ['/api/v1/persons?query=nolan', 'catalog'],
    ['/api/v1/auth/login', 'identity'],
    ['/api/v1/users/me', 'identity'],
    ['/.well-known/jwks.json', 'identity'],
  ])('%s goes to %s', async (path, owner) => {
    expect(await serviceOf(path)).toBe(owner);
  });

  it('forwards method, path, query and body unchanged', async () => {
    const response = await fetch(`${gateway.url}/api/v1/bookmarks?x=1&y=%20z`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filmId: 'f-1' }),
    });
    expect(await response.json()).toEqual({
      service: 'engagement',
      method: 'POST',
      url: '/api/v1/bookmarks?x=1&y=%20z',
      body: '{"filmId":"f-1"}',
    });
  });

  it('answers 404 problem for a path no service owns', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 503 service_not_deployed for a service without a URL', async () => {
    const response = await get('/api/v1/products/1');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'service_not_deployed', status: 503 });
  });
});

describe('headers to the upstream', () => {
  it('forwards the caller request id, or makes one, and returns it', async () => {
    const mine = await get('/api/v1/films/1', { 'x-request-id': 'req-abc-123' });
    expect(mine.headers.get('x-request-id')).toBe('req-abc-123');
    expect(catalog.seen.at(-1)?.headers['x-request-id']).toBe('req-abc-123');

    const made = await get('/api/v1/films/2');
    const id = made.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(catalog.seen.at(-1)?.headers['x-request-id']).toBe(id);
  });

  it('passes the caller traceparent, or starts a trace, exactly once', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await get('/api/v1/films/3', { traceparent });
    const seen = catalog.seen.at(-1);
    expect(seen?.headers.traceparent).toBe(traceparent);
    expect(seen?.rawHeaders.filter((name) => name.toLowerCase() === 'traceparent')).toHaveLength(1);

    await get('/api/v1/films/4');
    expect(catalog.seen.at(-1)?.headers.traceparent).toMatch(
      /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/,
    );
  });

  it('keeps Authorization out of it for guests and sets X-Forwarded-*', async () => {
    await get('/api/v1/films/5', { 'x-forwarded-for': '203.0.113.9', forwarded: 'for=1.2.3.4' });
    const seen = catalog.seen.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    // The peer is not a trusted proxy: its claim is dropped, the socket address is the client.
    expect(seen?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen?.headers.forwarded).toBeUndefined();
    expect(seen?.headers['x-forwarded-proto']).toBe('http');
  });
});

describe('headers to the caller', () => {
  it("drop the upstream's hop-by-hop headers, so the caller's Connection: close holds", async () => {
    // The upstream answers keep-alive; were that copied, this socket would never be closed.
    const response = await rawGet(gateway.url, '/api/v1/films/6');
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response.toLowerCase()).toContain('connection: close');
    expect(response.toLowerCase()).not.toContain('keep-alive');
  }, 5_000);
});

describe('failures', () => {
  it('answers 503 problem at once when the upstream refuses connections', async () => {
    const response = await get('/api/v1/orders/1');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ code: 'upstream_unavailable' });
  }, 5_000);

  it('passes upstream errors through untouched', async () => {
    catalog.on('/api/v1/films/missing', (_request, response) =>
      response
        .writeHead(404, { 'content-type': 'application/problem+json' })
        .end('{"code":"film_not_found"}'),
    );
    const response = await get('/api/v1/films/missing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'film_not_found' });
  });

  it('answers 502 when the upstream drops the connection', async () => {
    catalog.on('/api/v1/films/crash', (request) => request.socket.destroy());
    const response = await get('/api/v1/films/crash');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'bad_gateway' });
  });
});

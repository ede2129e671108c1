import { request as httpRequest } from 'node:http';
import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startGateway, startUpstream } from './fixtures.js';

let notifications: FakeUpstream;
let analytics: FakeUpstream;
let gateway: StartedService;
const hanging: (() => void)[] = [];

beforeAll(async () => {
  [notifications, analytics] = await Promise.all([
    startUpstream('notifications'),
    startUpstream('analytics'),
  ]);
  gateway = await startGateway({
    NOTIFICATIONS_URL: notifications.url,
    ANALYTICS_URL: analytics.url,
    UPSTREAM_TIMEOUT: '300ms',
    BODY_LIMIT: '1024',
    RATE_LIMIT_CAPACITY: '10000',
  });
});

afterAll(async () => {
  for (const release of hanging) release();
  await gateway.close();
  await Promise.all([notifications.close(), analytics.close()]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server-sent events', () => {
  it('pass through event by event, with no timeout while the stream idles', async () => {
    let sendSecond = () => {};
    const secondAllowed = new Promise<void>((resolve) => {
      sendSecond = resolve;
    });
    notifications.on('/api/v1/notifications/stream', async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      response.write('data: first\n\n');
      await secondAllowed;
      response.end('data: second\n\n');
    });

    const response = await fetch(`${gateway.url}/api/v1/notifications/stream`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let received = '';
    // The upstream holds the second event until the first arrived here: a buffering gateway
    // would never deliver the first, and this test would time out.
    while (!received.includes('first')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended early');
      received += decoder.decode(value, { stream: true });
    }
    expect(received).not.toContain('second');
    // Longer than UPSTREAM_TIMEOUT plus undici's coarse timer tick (up to ~1 s).
    await sleep(1_500);
    sendSecond();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toBe('data: first\n\ndata: second\n\n');
  }, 5_000);
});

describe('upstream timeout', () => {
  it('answers 504 problem when the upstream sends no response in time', async () => {
    notifications.on('/api/v1/notifications/slow', async (_request, response) => {
      await new Promise<void>((resolve) => hanging.push(resolve));
      response.end();
    });
    const response = await fetch(`${gateway.url}/api/v1/notifications/slow`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'upstream_timeout' });
  }, 5_000);
});

/** Raw request, so the body can be sent chunked (no Content-Length). */
function post(path: string, chunks: string[], headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

describe('body limit', () => {
  it('streams a body under the limit to the upstream as is', async () => {
    const body = JSON.stringify({ events: ['x'.repeat(500)] });
    const response = await post('/api/v1/events', [body], {
      'content-length': String(body.length),
    });
    expect(response.status).toBe(200);
    expect(analytics.seen.at(-1)?.body).toBe(body);
    const chunked = await post('/api/v1/events', ['{"a":', '1}']);
    expect(chunked.status).toBe(200);
    expect(analytics.seen.at(-1)?.body).toBe('{"a":1}');
  });

  it('refuses a declared length over the limit with 413 before calling the upstream', async () => {
    const before = analytics.seen.length;
    const body = 'x'.repeat(2048);
    const response = await post('/api/v1/events', [body], {
      'content-length': String(body.length),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'payload_too_large' });
    expect(analytics.seen.length).toBe(before);
  });

  it('cuts a chunked body off once it passes the limit with 413', async () => {
    const response = await post('/api/v1/events', ['x'.repeat(600), 'x'.repeat(600)]);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'payload_too_large' });
  });
});

import { type AnalyticsEventsAcceptedV1, analyticsEventsAccepted } from '@cinesync/contracts';
import { type Bus, type Delivery, openBus } from '@cinesync/kit/bus';
import type { Server } from '@cinesync/kit/http';
import { MemoryLimiter } from '@cinesync/kit/limiter';
import { createLogger } from '@cinesync/kit/log';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Etl, messageId, startEtl, toRow } from '../src/index.js';
import { testApp, testLimits } from './support/app.js';
import { startTestIdentity } from './support/auth.js';
import { busEngines, eventually, storeEngines, type TestStore } from './support/engines.js';
import { clientEvent, knownDataset, T0 } from './support/events.js';

type Identity = Awaited<ReturnType<typeof startTestIdentity>>;
const logger = createLogger({ service: 'analytics-test', level: 'silent' });
const chdb = storeEngines().find((engine) => engine.title === 'chdb');
if (!chdb) throw new Error('chdb engine missing');

let identity: Identity;
beforeAll(async () => {
  identity = await startTestIdentity();
});
afterAll(async () => {
  await identity?.close();
});

const view = () => clientEvent('page_view', { page: '/films/1', dwellMs: 1500, filmId: 'f1' });
const bearer = async (role: 'user' | 'admin', sub = `${role}-1`) => ({
  authorization: `Bearer ${await identity.token(sub, role)}`,
});

describe('ingest API (memory bus, chdb)', () => {
  let bus: Bus;
  let store: TestStore;
  let published: string[];
  let received: Delivery[];

  const app = (limiter?: MemoryLimiter) => {
    // A real bus that also notes what was published, to show nothing leaks from a refused batch.
    const counting: Bus = {
      ...bus,
      kind: bus.kind,
      publish: async (message) => {
        published.push(message.id);
        await bus.publish(message);
      },
      subscribe: (o, h) => bus.subscribe(o, h),
      subscribeBatch: (o, h) => bus.subscribeBatch(o, h),
      ping: () => bus.ping(),
      close: () => bus.close(),
    };
    return testApp({
      bus: counting,
      repository: store.repository,
      jwksUrl: identity.jwksUrl,
      limiter,
    });
  };

  beforeAll(async () => {
    store = await chdb.open();
  });
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    bus = await openBus({});
    published = [];
    received = [];
    bus.subscribe({ durable: 'probe', subjects: [analyticsEventsAccepted.subject] }, async (m) => {
      received.push(m);
    });
  });
  afterEach(async () => {
    await bus.close();
  });

  it('accepts a guest batch with 202 once it is on the bus, as one message whose id comes from the event ids', async () => {
    const server = await app();
    const events = [view(), clientEvent('click', { element: 'trailer', page: '/films/1' })];
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { events },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: 2 });
    const id = messageId(events.map((e) => e.id));
    expect(published).toEqual([id]);
    await eventually('probe got the message', () => received.length === 1);
    const message = received[0];
    expect(message?.id).toBe(id);
    const payload = message?.payload as AnalyticsEventsAcceptedV1;
    expect(payload.userId).toBeNull();
    expect(payload.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(payload.events).toEqual(expect.arrayContaining(events));
  });

  it('stores a resent batch once on the bus, even reordered', async () => {
    const server = await app();
    const events = [view(), view(), view()];
    for (const batch of [events, [...events].reverse()]) {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/events',
        payload: { events: batch },
      });
      expect(response.statusCode).toBe(202);
    }
    expect(new Set(published).size).toBe(1);
    await eventually('probe got the message', () => received.length === 1);
    // Give a duplicate the time to show up, were it stored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(1);
  });

  it('takes the user id from the token, never from the body', async () => {
    const server = await app();
    const single = view();
    const ok = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: await bearer('user', 'user-42'),
      payload: single,
    });
    expect(ok.statusCode).toBe(202);
    await eventually('probe got it', () => received.length === 1);
    const payload = received[0]?.payload as AnalyticsEventsAcceptedV1 | undefined;
    expect(payload?.userId).toBe('user-42');
    expect(payload?.events).toEqual([single]);

    const spoof = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { ...view(), userId: 'admin-1' },
    });
    expect(spoof.statusCode).toBe(400);
    expect(spoof.json().errors).toContainEqual({
      field: '/body/userId',
      message: 'is not a field of page_view events',
    });
  });

  it('refuses an invalid batch with 400 naming each bad event and field, publishing none', async () => {
    const server = await app();
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        events: [view(), { ...view(), dwellMs: 'long' }, view(), { ...view(), type: 'hover' }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      { field: '/body/events/1/dwellMs', message: 'must be integer' },
      { field: '/body/events/3/type', message: expect.stringContaining('must be one of') },
    ]);
    expect(published).toEqual([]);
  });

  it('refuses a body over the byte limit with 413 and a batch over the count limit with 400', async () => {
    const server = await app();
    const padding = { name: 'pad', properties: { a: 'x'.repeat(1000), b: 'x'.repeat(900) } };
    const big = Array.from({ length: 40 }, () => clientEvent('custom', padding));
    const tooBig = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { events: big },
    });
    expect(tooBig.statusCode).toBe(413);
    const many = Array.from({ length: testLimits.maxBatch + 1 }, view);
    const tooMany = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      payload: { events: many },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([
      { field: '/body/events', message: 'must hold 1 to 50 events, got 51' },
    ]);
    expect(published).toEqual([]);
  });

  it('limits requests per client IP with 429 and Retry-After', async () => {
    const server = await app(new MemoryLimiter({ capacity: 2, refillPerSec: 0.1 }));
    const post = (ip: string) =>
      server.inject({ method: 'POST', url: '/api/v1/events', payload: view(), remoteAddress: ip });
    expect((await post('10.0.0.1')).statusCode).toBe(202);
    expect((await post('10.0.0.1')).statusCode).toBe(202);
    const limited = await post('10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await post('10.0.0.2')).statusCode).toBe(202);
  });

  it('refuses a bad token with 401 even though guests may send events', async () => {
    const server = await app();
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/events',
      headers: { authorization: 'Bearer not-a-token' },
      payload: view(),
    });
    expect(response.statusCode).toBe(401);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const server = await app();
    const doc = (await server.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/events',
        '/api/v1/analytics/events-over-time',
        '/api/v1/analytics/top-films',
        '/api/v1/analytics/dwell-by-page',
        '/api/v1/analytics/quality-changes',
        '/api/v1/analytics/search-filters',
      ]),
    );
  });
});

describe('admin queries (chdb)', () => {
  let bus: Bus;
  let store: TestStore;
  let server: Server;
  const window = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 2 * 3_600_000).toISOString()}`;
  const get = async (path: string, role: 'admin' | 'user' | 'guest' = 'admin') =>
    server.inject({ url: path, headers: role === 'guest' ? {} : await bearer(role) });

  beforeAll(async () => {
    bus = await openBus({});
    store = await chdb.open();
    await store.repository.insertEvents(knownDataset().map(toRow));
    server = await testApp({ bus, repository: store.repository, jwksUrl: identity.jwksUrl });
  });
  afterAll(async () => {
    await bus?.close();
    await store?.close();
  });

  it('events over time: every bucket, totals and counts by type', async () => {
    const response = await get(`/api/v1/analytics/events-over-time?interval=hour&${window}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.buckets).toEqual([
      {
        at: '2025-03-10T10:00:00.000Z',
        total: 13,
        byType: {
          page_view: 3,
          video_complete: 3,
          quality_change: 3,
          search_filter: 2,
          click: 1,
          custom: 1,
        },
      },
      { at: '2025-03-10T11:00:00.000Z', total: 1, byType: { page_view: 1 } },
    ]);
    const minutes = (
      await get(`/api/v1/analytics/events-over-time?interval=minute&type=page_view&${window}`)
    ).json();
    expect(minutes.buckets).toHaveLength(120);
    expect(minutes.buckets[1]).toEqual({
      at: '2025-03-10T10:01:00.000Z',
      total: 2,
      byType: { page_view: 2 },
    });
    expect(minutes.buckets[2]).toEqual({ at: '2025-03-10T10:02:00.000Z', total: 0, byType: {} });
  });

  it('top films by views and by completions', async () => {
    const views = (await get(`/api/v1/analytics/top-films?by=views&${window}`)).json();
    expect(views.films.map((f: { filmId: string }) => f.filmId)).toEqual(['f1', 'f2']);
    const completions = (
      await get(`/api/v1/analytics/top-films?by=completions&limit=1&${window}`)
    ).json();
    expect(completions.films).toEqual([{ filmId: 'f2', views: 1, completions: 2, viewers: 2 }]);
  });

  it('dwell by page, quality matrix and search filters', async () => {
    const dwell = (await get(`/api/v1/analytics/dwell-by-page?${window}`)).json();
    expect(dwell.pages[0]).toEqual({ page: '/films/f1', views: 2, avgDwellMs: 2000 });
    const quality = (await get(`/api/v1/analytics/quality-changes?${window}`)).json();
    expect(quality.qualities).toEqual(['480p', '720p', '1080p']);
    expect(quality.changes).toEqual([
      { from: '720p', to: '1080p', count: 2 },
      { from: '1080p', to: '480p', count: 1 },
    ]);
    const filters = (await get(`/api/v1/analytics/search-filters?name=genre&${window}`)).json();
    expect(filters.filters).toEqual([
      { name: 'genre', value: 'drama', uses: 2 },
      { name: 'genre', value: 'comedy', uses: 1 },
    ]);
  });

  it('defaults to the last 24 hours', async () => {
    const body = (await get('/api/v1/analytics/dwell-by-page')).json();
    expect(body.pages).toEqual([]);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(24 * 3_600_000);
  });

  it('answers 401 to guests and 403 to non-admins', async () => {
    for (const path of [
      'events-over-time',
      'top-films',
      'dwell-by-page',
      'quality-changes',
      'search-filters',
    ]) {
      expect((await get(`/api/v1/analytics/${path}`, 'guest')).statusCode).toBe(401);
      expect((await get(`/api/v1/analytics/${path}`, 'user')).statusCode).toBe(403);
    }
  });

  it('answers 400 to bad parameters', async () => {
    const bad = [
      '/api/v1/analytics/events-over-time?interval=week',
      '/api/v1/analytics/events-over-time?type=scroll',
      '/api/v1/analytics/events-over-time?from=yesterday',
      `/api/v1/analytics/events-over-time?from=${new Date(T0).toISOString()}&to=${new Date(T0 - 1).toISOString()}`,
      '/api/v1/analytics/events-over-time?interval=minute&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z',
      '/api/v1/analytics/top-films?by=likes',
      '/api/v1/analytics/top-films?limit=0',
      '/api/v1/analytics/dwell-by-page?limit=abc',
      '/api/v1/analytics/search-filters?name=bad%20name',
    ];
    for (const path of bad) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().errors?.length, path).toBeGreaterThan(0);
    }
  });
});

for (const busEngine of busEngines()) {
  for (const storeEngine of storeEngines()) {
    const skip = busEngine.skipReason ?? storeEngine.skipReason;
    describe.skipIf(skip)(
      `end to end: HTTP → ${busEngine.title} → ETL → ${storeEngine.title}`,
      () => {
        it('makes accepted events queryable, once each, also when the client resends the batch', async () => {
          const testBus = await busEngine.open();
          const store = await storeEngine.open();
          let etl: Etl | undefined;
          try {
            etl = startEtl({
              bus: testBus.bus,
              repository: store.repository,
              logger,
              subject: testBus.subject,
              durable: testBus.durable,
              maxBatch: 1000,
              maxWaitMs: 100,
              maxAttempts: 3,
            });
            const server = await testApp({
              bus: testBus.bus,
              repository: store.repository,
              jwksUrl: identity.jwksUrl,
              subject: testBus.subject,
            });
            const events = [
              ...Array.from({ length: 20 }, view),
              clientEvent('video_complete', { filmId: 'f1', positionSec: 60, durationSec: 60 }),
            ];
            // The same batch twice (the bus stores it once), then one that overlaps it (the
            // table collapses the repeated events).
            const overlapping = [...events.slice(0, 10), ...Array.from({ length: 5 }, view)];
            for (const batch of [events, events, overlapping]) {
              const response = await server.inject({
                method: 'POST',
                url: '/api/v1/events',
                headers: await bearer('user'),
                payload: { events: batch },
              });
              expect(response.statusCode).toBe(202);
            }
            const admin = await bearer('admin');
            const films = async () =>
              (await server.inject({ url: '/api/v1/analytics/top-films', headers: admin })).json()
                .films;
            await eventually('events queryable', async () => (await films()).length === 1);
            await eventually('all events in', async () => (await films())[0]?.views === 25);
            expect(await films()).toEqual([
              { filmId: 'f1', views: 25, completions: 1, viewers: 1 },
            ]);
            expect((await store.repository.counts()).events).toBe(26);
          } finally {
            await etl?.stop();
            await testBus.bus.close();
            await store.close();
            await testBus.cleanup();
          }
        });
      },
    );
  }
}

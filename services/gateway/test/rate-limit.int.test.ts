import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, randomIp, startGateway, startUpstream } from './fixtures.js';

let catalog: FakeUpstream;

beforeAll(async () => {
  catalog = await startUpstream('catalog');
});
afterAll(() => catalog.close());

/**
 * Small bucket, a token back every second: slow enough that a loaded machine does not refill one
 * between the counted requests, quick enough to wait for. The test runner is the trusted proxy.
 */
const limited = (extra: Record<string, string | undefined> = {}) =>
  startGateway({
    CATALOG_URL: catalog.url,
    RATE_LIMIT_CAPACITY: '3',
    RATE_LIMIT_REFILL_PER_SEC: '1',
    TRUSTED_PROXIES: '127.0.0.1',
    ...extra,
  });

const hit = (gateway: StartedService, ip: string, path = '/api/v1/films/1') =>
  fetch(`${gateway.url}${path}`, { headers: { 'x-forwarded-for': ip } });

async function drain(response: Response) {
  await response.arrayBuffer();
  return response;
}

const engines = [
  { name: 'memory', env: { REDIS_URL: undefined } },
  { name: 'redis', env: { REDIS_URL: process.env.REDIS_URL } },
];

for (const engine of engines) {
  const skip = engine.name === 'redis' && !process.env.REDIS_URL;
  describe.skipIf(skip)(
    skip ? 'redis (skipped unless REDIS_URL is set)' : `per-IP rate limit on ${engine.name}`,
    () => {
      let gateway: StartedService;
      beforeAll(async () => {
        gateway = await limited(engine.env);
      });
      afterAll(() => gateway.close());

      it('counts down, answers 429 problem with Retry-After, and refills', async () => {
        const ip = randomIp();
        const remaining: (string | null)[] = [];
        for (let i = 0; i < 3; i++) {
          const response = await drain(await hit(gateway, ip));
          expect(response.status).toBe(200);
          expect(response.headers.get('ratelimit-limit')).toBe('3');
          remaining.push(response.headers.get('ratelimit-remaining'));
        }
        expect(remaining).toEqual(['2', '1', '0']);

        const refused = await hit(gateway, ip);
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(refused.headers.get('ratelimit-remaining')).toBe('0');
        expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
        expect(await refused.json()).toMatchObject({ code: 'too_many_requests' });
        expect(
          catalog.seen.filter((seen) => String(seen.headers['x-forwarded-for']).startsWith(ip)),
        ).toHaveLength(3);

        await new Promise((resolve) => setTimeout(resolve, 1_100));
        expect((await drain(await hit(gateway, ip))).status).toBe(200);
      });

      it('keeps one bucket per client address', async () => {
        const [first, second] = [randomIp(), randomIp()];
        for (let i = 0; i < 3; i++) await drain(await hit(gateway, first));
        expect((await drain(await hit(gateway, first))).status).toBe(429);
        expect((await drain(await hit(gateway, second))).status).toBe(200);
      });

      it('puts limits on unknown paths too, but never on probes', async () => {
        const ip = randomIp();
        for (let i = 0; i < 3; i++) await drain(await hit(gateway, ip, '/nope'));
        expect((await drain(await hit(gateway, ip, '/nope'))).status).toBe(429);
        const probe = await drain(await hit(gateway, ip, '/healthz'));
        expect(probe.status).toBe(200);
        expect(probe.headers.get('ratelimit-limit')).toBeNull();
      });
    },
  );
}

describe.skipIf(!process.env.REDIS_URL)(
  process.env.REDIS_URL
    ? 'two gateways on one Redis'
    : 'two gateways on one Redis (skipped unless REDIS_URL is set)',
  () => {
    it('share one budget per client', async () => {
      const [a, b] = await Promise.all([
        limited({ REDIS_URL: process.env.REDIS_URL }),
        limited({ REDIS_URL: process.env.REDIS_URL }),
      ]);
      try {
        const ip = randomIp();
        const statuses: number[] = [];
        for (const gateway of [a, b, a, b])
          statuses.push((await drain(await hit(gateway, ip))).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  },
);

describe('client address behind proxies', () => {
  it('believes X-Forwarded-For only from a trusted peer', async () => {
    const [untrusting, trusting] = await Promise.all([
      limited({ TRUSTED_PROXIES: undefined }),
      limited({ TRUSTED_PROXIES: '127.0.0.1/8' }),
    ]);
    try {
      const [client, other] = [randomIp(), randomIp()];
      // Not trusted: the claim is ignored, so every "client" shares the peer's bucket and address.
      for (let i = 0; i < 3; i++) await drain(await hit(untrusting, randomIp()));
      expect((await drain(await hit(untrusting, other))).status).toBe(429);
      await drain(await hit(untrusting, other, '/healthz'));

      await drain(await hit(trusting, `${client}, 127.0.0.1`));
      expect(catalog.seen.at(-1)?.headers['x-forwarded-for']).toBe(
        `${client}, 127.0.0.1, 127.0.0.1`,
      );
    } finally {
      await Promise.all([untrusting.close(), trusting.close()]);
    }
  });
});

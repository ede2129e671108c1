import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startGateway, startUpstream } from './fixtures.js';

let catalog: FakeUpstream;
let sameOrigin: StartedService;
let crossOrigin: StartedService;

beforeAll(async () => {
  catalog = await startUpstream('catalog');
  const env = { CATALOG_URL: catalog.url, RATE_LIMIT_CAPACITY: '10000' };
  [sameOrigin, crossOrigin] = await Promise.all([
    startGateway(env),
    startGateway({ ...env, CORS_ORIGINS: 'https://app.example, https://admin.example' }),
  ]);
});

afterAll(async () => {
  await Promise.all([sameOrigin.close(), crossOrigin.close()]);
  await catalog.close();
});

const preflight = (gateway: StartedService, origin: string) =>
  fetch(`${gateway.url}/api/v1/films/1`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

describe('CORS', () => {
  it('answers a preflight from a listed origin without calling the upstream', async () => {
    const before = catalog.seen.length;
    const response = await preflight(crossOrigin, 'https://app.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(catalog.seen.length).toBe(before);
  });

  it('lets a listed origin read the rate-limit and request-id headers', async () => {
    const response = await fetch(`${crossOrigin.url}/api/v1/films/1`, {
      headers: { origin: 'https://admin.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    expect(response.headers.get('access-control-expose-headers')).toContain('ratelimit-remaining');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('grants nothing to other origins, and nothing at all by default', async () => {
    const stranger = await preflight(crossOrigin, 'https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const byDefault = await preflight(sameOrigin, 'https://app.example');
    expect(byDefault.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${sameOrigin.url}/api/v1/films/1`, {
      headers: { origin: 'https://app.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it.each(['/api/v1/films/1', '/', '/api/v1/unknown'])('are set on %s', async (path) => {
    const response = await fetch(`${sameOrigin.url}${path}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

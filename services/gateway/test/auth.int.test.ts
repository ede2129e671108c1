import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeUpstream,
  type Jwks,
  startGateway,
  startJwks,
  startUpstream,
} from './fixtures.js';

let catalog: FakeUpstream;
let jwks: Jwks;
let gateway: StartedService;

beforeAll(async () => {
  [catalog, jwks] = await Promise.all([startUpstream('catalog'), startJwks()]);
  gateway = await startGateway({
    CATALOG_URL: catalog.url,
    JWKS_URL: jwks.url,
    RATE_LIMIT_CAPACITY: '10000',
  });
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([catalog.close(), jwks.close()]);
});

async function call(method: string, authorization?: string) {
  const before = catalog.seen.length;
  const response = await fetch(`${gateway.url}/api/v1/films/1`, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
    reachedUpstream: catalog.seen.length > before,
  };
}

describe('bearer token check at the edge', () => {
  it('lets a guest through, reads and writes alike (services guard writes)', async () => {
    expect(await call('GET')).toMatchObject({ status: 200, reachedUpstream: true });
    expect(await call('DELETE')).toMatchObject({ status: 200, reachedUpstream: true });
  });

  it('forwards a valid token unchanged', async () => {
    const authorization = `Bearer ${await jwks.sign({ role: 'admin' })}`;
    expect(await call('GET', authorization)).toMatchObject({ status: 200 });
    expect(catalog.seen.at(-1)?.headers.authorization).toBe(authorization);
  });

  it('rejects an expired token with 401 before any upstream call', async () => {
    const expired = await jwks.sign({}, { exp: Math.floor(Date.now() / 1000) - 120 });
    const result = await call('GET', `Bearer ${expired}`);
    expect(result).toMatchObject({
      status: 401,
      body: { code: 'token_expired' },
      reachedUpstream: false,
    });
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.headers.get('www-authenticate')).toContain('Bearer');
  });

  it.each([
    ['garbage', 'Bearer not.a.token'],
    ['a token for another audience', 'other-audience'],
    ['a tampered token', 'tampered'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('rejects %s with 401 before any upstream call', async (_name, kind) => {
    let authorization = kind;
    if (kind === 'other-audience') authorization = `Bearer ${await jwks.sign({}, { aud: 'x' })}`;
    if (kind === 'tampered') {
      const [header, , signature] = (await jwks.sign()).split('.');
      const payload = Buffer.from(JSON.stringify({ sub: 'u', role: 'admin' })).toString(
        'base64url',
      );
      authorization = `Bearer ${header}.${payload}.${signature}`;
    }
    expect(await call('POST', authorization)).toMatchObject({
      status: 401,
      reachedUpstream: false,
    });
  });
});

describe('without a key set', () => {
  it('refuses tokens it cannot check (503) but still serves guests', async () => {
    const blind = await startGateway({ CATALOG_URL: catalog.url });
    try {
      const token = `Bearer ${await jwks.sign()}`;
      const refused = await fetch(`${blind.url}/api/v1/films/1`, {
        headers: { authorization: token },
      });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { code: string }).code).toBe('auth_unavailable');
      expect((await fetch(`${blind.url}/api/v1/films/1`)).status).toBe(200);
    } finally {
      await blind.close();
    }
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartedService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadUrl, type FakeUpstream, startGateway, startUpstream } from './fixtures.js';

let catalog: FakeUpstream;
let identity: FakeUpstream;
let gateway: StartedService;
let webDist: string;

beforeAll(async () => {
  [catalog, identity] = await Promise.all([startUpstream('catalog'), startUpstream('identity')]);
  webDist = await mkdtemp(join(tmpdir(), 'gateway-web-'));
  await mkdir(join(webDist, 'assets'));
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>CineSync</title>');
  await writeFile(join(webDist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  gateway = await startGateway({
    CATALOG_URL: catalog.url,
    IDENTITY_URL: identity.url,
    ENGAGEMENT_URL: await deadUrl(),
    WEB_DIST: webDist,
    RATE_LIMIT_CAPACITY: '10000',
  });
});

afterAll(async () => {
  await gateway.close();
  await Promise.all([catalog.close(), identity.close()]);
  await rm(webDist, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { headers });

interface Document {
  info: { description: string };
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  components: Record<string, Record<string, unknown>>;
  'x-unavailable': string[];
}

describe('aggregated OpenAPI', () => {
  it('merges the routed paths of every reachable service and names the missing one', async () => {
    const response = await get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as Document;
    // Only what the gateway routes to each service: their /healthz is not part of the API.
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/films/{id}',
      '/api/v1/users/{id}',
    ]);
    expect(document.paths['/api/v1/films/{id}']?.get).toMatchObject({
      operationId: 'catalog.getOne',
      tags: ['catalog'],
    });
    expect(JSON.stringify(document.paths)).toContain('#/components/schemas/catalog.Thing');
    expect(Object.keys(document.components.schemas ?? {})).toEqual(
      expect.arrayContaining(['catalog.Thing', 'catalog.Problem', 'identity.Thing']),
    );
    expect(document.components.responses?.['identity.Problem']).toMatchObject({
      content: {
        'application/problem+json': { schema: { $ref: '#/components/schemas/identity.Problem' } },
      },
    });
    expect(document['x-unavailable']).toEqual(['engagement']);
    expect(document.info.description).toContain('engagement');
  });

  it('serves Swagger UI and its assets from the gateway, on the merged document', async () => {
    const page = await get('/api/docs/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await get('/api/docs/static/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    // Read it all: an unread large body is a request still in flight, which delays close().
    expect((await bundle.text()).length).toBeGreaterThan(1000);
    const spec = (await (await get('/api/docs/json')).json()) as Document;
    expect(spec['x-unavailable']).toEqual(['engagement']);
  });
});

describe('upstream health', () => {
  it('reports each upstream and stays ready when one is down', async () => {
    const upstreams = await get('/readyz/upstreams');
    expect(upstreams.status).toBe(200);
    const body = (await upstreams.json()) as {
      status: string;
      upstreams: Record<string, { status: string }>;
    };
    expect(body.status).toBe('degraded');
    expect(body.upstreams).toMatchObject({
      catalog: { status: 'ok' },
      identity: { status: 'ok' },
      engagement: { status: 'fail' },
      product: { status: 'not_deployed' },
    });
    expect((await get('/readyz')).status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
    expect(await (await get('/metrics')).text()).toContain('http_requests_total');
  });
});

describe('web app', () => {
  it('serves the build with index.html as the fallback for client-side routes', async () => {
    const root = await get('/');
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>CineSync</title>');
    expect(root.headers.get('cache-control')).toBe('no-cache');

    const asset = await get('/assets/app-1a2b.js');
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const route = await get('/films/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>CineSync</title>');
  });

  it('never answers an API path or a missing file with the app', async () => {
    for (const path of ['/api/v1/nothing', '/assets/missing.js', '/.well-known/other']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('points at the docs when no build is configured', async () => {
    const bare = await startGateway({});
    try {
      expect(await (await fetch(`${bare.url}/`)).json()).toMatchObject({ docs: '/api/docs' });
    } finally {
      await bare.close();
    }
  });
});

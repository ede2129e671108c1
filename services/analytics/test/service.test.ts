import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { startTestIdentity } from './support/auth.js';
import { eventually } from './support/engines.js';
import { clientEvent } from './support/events.js';

type Identity = Awaited<ReturnType<typeof startTestIdentity>>;

describe('analytics as the launcher runs it (embedded: in-process bus, chDB under DATA_DIR)', () => {
  let identity: Identity;
  let dataDir: string;
  beforeAll(async () => {
    identity = await startTestIdentity();
    dataDir = mkdtempSync(join(tmpdir(), 'analytics-service-'));
  });
  afterAll(async () => {
    await identity?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Only the variables this test means: the embedded engines, whatever the CI environment sets.
  const start = () =>
    startService(service, {
      env: {
        DATA_DIR: dataDir,
        JWKS_URL: identity.jwksUrl,
        LOG_LEVEL: 'silent',
        ETL_MAX_WAIT: '50ms',
      },
      port: 0,
      host: '127.0.0.1',
    });

  it('is ready, takes events, and keeps them across a restart', async () => {
    const admin = { authorization: `Bearer ${await identity.token('admin-1', 'admin')}` };
    const views = async (url: string) => {
      const response = await fetch(`${url}/api/v1/analytics/dwell-by-page`, { headers: admin });
      const body = (await response.json()) as { pages: { views: number }[] };
      return body.pages.reduce((n, page) => n + page.views, 0);
    };

    const first = await start();
    try {
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const events = Array.from({ length: 3 }, () =>
        clientEvent('page_view', { page: '/films/7', dwellMs: 100 }),
      );
      const response = await fetch(`${first.url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      expect(response.status).toBe(202);
      await eventually('events queryable', async () => (await views(first.url)) === 3);
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      expect(await views(second.url)).toBe(3);
    } finally {
      await second.close();
    }
  });
});

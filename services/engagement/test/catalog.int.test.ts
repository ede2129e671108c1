import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { service as catalogService } from '@cinesync/catalog';
import { createMemoryBus } from '@cinesync/kit/bus';
import { type StartedService, startService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { startIssuer, type TestIssuer } from './support/auth.js';

/** Engagement next to the real catalog service, as the launcher runs them (embedded engines). */
describe('engagement with the real catalog', () => {
  let issuer: TestIssuer;
  let dataDir: string;
  let catalog: StartedService;
  let engagement: StartedService;
  const bus = createMemoryBus();

  beforeAll(async () => {
    issuer = await startIssuer();
    dataDir = await mkdtemp(join(tmpdir(), 'engagement-catalog-'));
    const env = { JWKS_URL: issuer.jwksUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const options = { shared: { bus }, host: '127.0.0.1', port: 0 };
    catalog = await startService(catalogService, {
      ...options,
      env: { ...env, CATALOG_DEMO_DATA: 'false' },
    });
    engagement = await startService(service, {
      ...options,
      env: { ...env, CATALOG_URL: catalog.url },
    });
    // Two embedded databases boot here; on a busy machine that alone can take a minute.
  }, 180_000);
  afterAll(async () => {
    await engagement?.close();
    await catalog?.close();
    await bus.close();
    await issuer?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('bookmarks a catalog film with its title, 404s an unknown one, and feeds the catalog rating', async () => {
    const admin = `Bearer ${await issuer.sign({ sub: randomUUID(), role: 'admin' })}`;
    const added = await fetch(`${catalog.url}/api/v1/films`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Stalker', year: 1979 }),
    });
    expect(added.status).toBe(201);
    const film = (await added.json()) as { id: string; title: string };
    const headers = {
      authorization: `Bearer ${await issuer.sign({ sub: randomUUID() })}`,
      'content-type': 'application/json',
    };
    const bookmark = (filmId: string) =>
      fetch(`${engagement.url}/api/v1/bookmarks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ filmId }),
      });

    const created = await bookmark(film.id);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ filmId: film.id, title: film.title });
    expect((await bookmark(randomUUID())).status).toBe(404);

    const rated = await fetch(`${engagement.url}/api/v1/ratings`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ filmId: film.id, value: 9 }),
    });
    expect(rated.status).toBe(201);
    await expect
      .poll(
        async () => {
          const details = (await (
            await fetch(`${catalog.url}/api/v1/films/${film.id}`)
          ).json()) as {
            rating: { average: number | null; count: number };
          };
          return details.rating;
        },
        { timeout: 10_000 },
      )
      .toEqual({ average: 9, count: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { MemoryCache } from '@cinesync/kit/cache';
import { AppError } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogClient, createCatalogClient } from '../src/catalog-client.js';
import { type FakeCatalog, startFakeCatalog } from './support/catalog.js';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the lookup to fail');
}

describe('catalog client', () => {
  let catalog: FakeCatalog;
  const clients: CatalogClient[] = [];
  const client = (options: Partial<Parameters<typeof createCatalogClient>[0]> = {}) => {
    const created = createCatalogClient({
      baseUrl: catalog.url,
      timeoutMs: 2_000,
      breakerFailures: 2,
      breakerResetMs: 100,
      ...options,
    });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    catalog = await startFakeCatalog();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await catalog.close();
  });

  it('finds a film, and says null for an unknown one without counting it as a failure', async () => {
    catalog.mode = 'ok';
    const film = { id: randomUUID(), title: 'Ikiru', year: 1952 };
    catalog.films.set(film.id, film);
    const c = client({ breakerFailures: 1 });
    expect(await c.findFilm(film.id)).toEqual(film);
    expect(await c.findFilm(randomUUID())).toBeNull();
    expect(await c.findFilm(randomUUID())).toBeNull();
    expect(await c.findFilm(film.id)).toEqual(film);
  });

  it('opens after consecutive failures, then a probe after the reset time closes it again', async () => {
    const film = { id: randomUUID(), title: 'Yojimbo', year: 1961 };
    catalog.films.set(film.id, film);
    const c = client();
    catalog.mode = 'failing';
    expect((await failure(c.findFilm(film.id))).status).toBe(503);
    expect((await failure(c.findFilm(film.id))).status).toBe(503);
    catalog.mode = 'ok';
    const before = catalog.requests;
    const open = await failure(c.findFilm(film.id));
    expect(open.code).toBe('catalog_unavailable');
    expect(catalog.requests).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await c.findFilm(film.id)).toEqual(film);
    expect(catalog.requests).toBe(before + 1);
  });

  it('treats a slow answer as a failure within its budget', async () => {
    catalog.mode = 'slow';
    catalog.slowMs = 10_000;
    const error = await failure(client({ timeoutMs: 100 }).findFilm(randomUUID()));
    expect(error.code).toBe('catalog_unavailable');
    catalog.mode = 'ok';
  });

  it('remembers films found, not misses', async () => {
    catalog.mode = 'ok';
    const film = { id: randomUUID(), title: 'Ran', year: 1985 };
    catalog.films.set(film.id, film);
    const c = client({ cache: new MemoryCache(), cacheTtlMs: 60_000 });
    const missing = randomUUID();
    const before = catalog.requests;
    await c.findFilm(film.id);
    await c.findFilm(film.id);
    await c.findFilm(missing);
    await c.findFilm(missing);
    expect(catalog.requests - before).toBe(3);
  });

  it('is unavailable, not broken, without a CATALOG_URL', async () => {
    const error = await failure(client({ baseUrl: undefined }).findFilm(randomUUID()));
    expect(error).toMatchObject({ status: 503, code: 'catalog_unavailable' });
  });
});

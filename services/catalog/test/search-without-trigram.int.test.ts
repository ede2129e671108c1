import { type Db, openDb } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTrigram, migrateCatalog } from '../src/db.js';
import { buildTestApp, loadSubset, startTestIdentity } from './helpers.js';

/**
 * The kit's own PGlite has no pg_trgm: the migrations still apply and search still works, by
 * full text and title prefix, with one-letter typos corrected from the catalog's dictionary but
 * without trigram similarity.
 */
describe('search on a database without pg_trgm (kit PGlite)', () => {
  let db: Db;
  let app: Server;
  let identity: Awaited<ReturnType<typeof startTestIdentity>>;

  beforeAll(async () => {
    db = await openDb({});
    await migrateCatalog(db);
    await loadSubset(db, ['The Godfather', 'The Godfather Part II', 'Heat', 'Amélie']);
    identity = await startTestIdentity();
    ({ app } = await buildTestApp(db, identity.auth));
  });

  afterAll(async () => {
    await app?.close();
    await identity?.close();
    await db?.close();
  });

  const titles = async (query: Record<string, string>) =>
    (await app.inject({ url: '/api/v1/films', query }))
      .json()
      .items.map((item: { title: string }) => item.title);

  it('detects the missing extension', async () => {
    expect(await hasTrigram(db)).toBe(false);
  });

  it('still ranks by exact title and full text, and matches title prefixes', async () => {
    expect(await titles({ query: 'The Godfather' })).toEqual([
      'The Godfather',
      'The Godfather Part II',
    ]);
    expect(await titles({ query: 'pacino' })).toEqual(
      ['Heat', 'The Godfather', 'The Godfather Part II'].sort(),
    );
    expect(await titles({ query: 'Amél' })).toEqual(['Amélie']);
  });

  it('corrects one-letter typos from its dictionary, but no more without pg_trgm', async () => {
    expect(await titles({ query: 'godfater' })).toEqual(['The Godfather', 'The Godfather Part II']);
    expect(await titles({ query: 'the godfather prat ii' })).toEqual(['The Godfather Part II']);
    // Two edits in one word need the trigram neighbours; whole-title similarity needs pg_trgm.
    expect(await titles({ query: 'gdofater' })).toEqual([]);
    expect(await titles({ query: 'thegodfather' })).toEqual([]);
  });

  it('finds people by name prefix', async () => {
    const response = await app.inject({ url: '/api/v1/persons', query: { query: 'pac' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((person: { name: string }) => person.name)).toEqual([
      'Al Pacino',
    ]);
  });
});

import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Auth, createAuth, type Role } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { createLogger } from '@cinesync/kit/log';
import { dbEngines, type TestDbEngine } from '@cinesync/kit/testing';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { buildApp } from '../src/app.js';
import { Catalog, type CatalogOptions } from '../src/catalog.js';
import { hasTrigram, migrateCatalog, pgliteExtensions } from '../src/db.js';
import { type DemoFilm, readDemoFilms } from '../src/demo/demo-films.js';
import { loadDemoIfEmpty } from '../src/demo/load-demo.js';

/** The kit's engines, PGlite with pg_trgm loaded as the service does. */
export function catalogEngines(): TestDbEngine[] {
  return dbEngines(process.env, { pgliteExtensions });
}

export async function openMigrated(engine: TestDbEngine): Promise<Db> {
  const db = await engine.open();
  await migrateCatalog(db);
  return db;
}

/** Well-known films of the demo file with shared titles, sequels and shared people. */
export const SUBSET = [
  'The Godfather',
  'The Godfather Part II',
  'Apocalypse Now',
  'Scarface',
  'Heat',
  'Taxi Driver',
  'Raging Bull',
  'Goodfellas',
  'The Irishman',
  'The Departed',
  'Infernal Affairs',
  'Alien',
  'Aliens',
  'Blade Runner',
  'Blade Runner 2049',
  'Dune',
  'Dune: Part Two',
  'Seven Samurai',
  'The Seventh Seal',
  'Se7en',
  'The Magnificent Seven',
  'Rashomon',
  'Yojimbo',
  'Solaris',
  'Amélie',
  'Spirited Away',
  'Parasite',
];

export async function demoSubset(titles: readonly string[] = SUBSET): Promise<DemoFilm[]> {
  const wanted = new Set(titles);
  return (await readDemoFilms()).filter((film) => wanted.has(film.title));
}

export async function loadSubset(db: Db, titles?: readonly string[]): Promise<number> {
  return loadDemoIfEmpty(db, await demoSubset(titles));
}

export const silentLogger = createLogger({ service: 'catalog-test', level: 'silent' });

/** A real JWKS endpoint and a signer for it, so auth runs exactly as in production. */
export async function startTestIdentity() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  const server = createHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const auth: Auth = createAuth({
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    issuer: 'cinesync-identity',
    audience: 'cinesync',
  });
  const token = (role: Role, subject = '0190a3c4-1111-7aaa-8bbb-123456789abc') =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setSubject(subject)
      .setIssuer('cinesync-identity')
      .setAudience('cinesync')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return {
    auth,
    bearer: async (role: Role) => ({ authorization: `Bearer ${await token(role)}` }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TestApp {
  app: Server;
  catalog: Catalog;
}

export async function buildTestApp(
  db: Db,
  auth: Auth,
  options: Partial<CatalogOptions> = {},
): Promise<TestApp> {
  const catalog = new Catalog({
    db,
    trigram: await hasTrigram(db),
    logger: silentLogger,
    ...options,
  });
  const app = await buildApp({ catalog, auth, logger: silentLogger });
  return { app, catalog };
}

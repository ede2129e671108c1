import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, createServer, type Server } from '../http/index.js';
import { createLogger } from '../log/index.js';
import { type Auth, createAuth, installAuth, requireRole, requireUser } from './index.js';

const ISSUER = 'http://identity.test';
const AUDIENCE = 'cinesync';

interface SigningKey {
  kid: string;
  alg: 'EdDSA' | 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

async function makeKey(kid: string, alg: SigningKey['alg']): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return {
    kid,
    alg,
    privateKey,
    publicKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}

/** A tiny JWKS endpoint whose key list the tests change, counting fetches. */
async function startJwks() {
  const state = { keys: [] as JWK[], fetches: 0 };
  const server: HttpServer = createHttpServer((_request, response) => {
    state.fetches += 1;
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => server.close(),
  };
}

function sign(
  key: SigningKey,
  claims: JWTPayload = {},
  options: { exp?: string | number; aud?: string; iss?: string; sub?: string } = {},
) {
  return new SignJWT({ role: 'user', ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject(options.sub ?? 'user-1')
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(key.privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

let jwks: Awaited<ReturnType<typeof startJwks>>;
let keyA: SigningKey;
let keyB: SigningKey;
let auth: Auth;

beforeAll(async () => {
  jwks = await startJwks();
  keyA = await makeKey('a', 'EdDSA');
  keyB = await makeKey('b', 'ES256');
  jwks.state.keys = [keyA.jwk];
  // No cooldown so the rotation test need not wait; production keeps the 30 s default.
  auth = createAuth({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, cooldownMs: 0 });
});
afterAll(() => jwks.close());

describe('createAuth().verify', () => {
  it('accepts a valid token and caches the key set', async () => {
    const fetchesBefore = jwks.state.fetches;
    const user = await auth.verify(await sign(keyA, { email: 'a@b.co' }));
    expect(user).toMatchObject({ id: 'user-1', role: 'user', email: 'a@b.co' });
    expect(user.claims.iss).toBe(ISSUER);
    await auth.verify(await sign(keyA, { role: 'admin' }));
    expect(jwks.state.fetches - fetchesBefore).toBeLessThanOrEqual(1);
  });

  it('rejects an expired token with token_expired', async () => {
    const error = await rejection(
      auth.verify(await sign(keyA, {}, { exp: Math.floor(Date.now() / 1000) - 120 })),
    );
    expect(error).toMatchObject({ status: 401, code: 'token_expired' });
  });

  it.each([
    ['a wrong audience', { aud: 'someone-else' }],
    ['a wrong issuer', { iss: 'http://evil.test' }],
  ])('rejects %s', async (_name, options) => {
    const error = await rejection(auth.verify(await sign(keyA, {}, options)));
    expect(error).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('rejects alg none', async () => {
    const token = new UnsecuredJWT({ role: 'admin' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .encode();
    expect(await rejection(auth.verify(token))).toMatchObject({ status: 401 });
  });

  it('rejects HS256 signed with the public key as the secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(keyA.publicKey));
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'a' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    expect(await rejection(auth.verify(token))).toMatchObject({
      status: 401,
      code: 'invalid_token',
    });
  });

  it('rejects a token signed by a key that merely claims a published kid', async () => {
    const impostor = await makeKey('a', 'EdDSA');
    expect(await rejection(auth.verify(await sign(impostor)))).toMatchObject({ status: 401 });
  });

  it('rejects unknown roles, missing expiry and garbage', async () => {
    expect(await rejection(auth.verify(await sign(keyA, { role: 'root' })))).toMatchObject({
      status: 401,
    });
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA', kid: 'a' })
      .setSubject('user-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(keyA.privateKey);
    expect(await rejection(auth.verify(noExp))).toMatchObject({ status: 401 });
    expect(await rejection(auth.verify('not.a.jwt'))).toMatchObject({ status: 401 });
  });

  it('follows key rotation: a new kid in the JWKS is fetched and trusted', async () => {
    await auth.verify(await sign(keyA));
    const fetchesBefore = jwks.state.fetches;
    jwks.state.keys = [keyA.jwk, keyB.jwk];
    const user = await auth.verify(await sign(keyB, {}, { sub: 'user-2' }));
    expect(user.id).toBe('user-2');
    expect(jwks.state.fetches).toBe(fetchesBefore + 1);
  });

  it('answers 503 when the key set cannot be fetched', async () => {
    const offline = createAuth({
      jwksUrl: 'http://127.0.0.1:1/jwks.json',
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    expect(await rejection(offline.verify(await sign(keyA)))).toMatchObject({
      status: 503,
      code: 'auth_unavailable',
    });
  });

  it('refuses to be configured with symmetric algorithms', () => {
    const algorithms = ['HS256'] as unknown as ['EdDSA'];
    expect(() =>
      createAuth({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, algorithms }),
    ).toThrow(/asymmetric/);
  });
});

describe('installAuth on a server', () => {
  let server: Server;

  beforeAll(async () => {
    server = await createServer({
      service: 'svc',
      logger: createLogger({ service: 'svc', level: 'silent' }),
    });
    installAuth(server, auth, { guestReadOnly: true });
    server.get('/public', async (request) => ({ user: request.user }));
    server.get('/me', { preHandler: requireUser }, async (request) => ({ id: request.user?.id }));
    server.post('/items', async (request) => ({ by: request.user?.id }));
    server.post('/login', { config: { allowGuest: true } }, async () => ({ ok: true }));
    server.delete('/movies/:id', { onRequest: requireRole('admin') }, async () => ({
      deleted: true,
    }));
  });
  afterAll(() => server.close());

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string) => {
    const headers = token === undefined ? {} : { authorization: token };
    const response = await server.inject({ method, url, headers });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  const bearer = async (claims: JWTPayload = {}) => `Bearer ${await sign(keyA, claims)}`;

  it('treats a request without a token as a guest who may read', async () => {
    expect(await call('GET', '/public')).toEqual({ status: 200, body: { user: null } });
    expect((await call('GET', '/me')).status).toBe(401);
  });

  it('sets request.user from a valid token', async () => {
    expect(await call('GET', '/public', await bearer({ email: 'a@b.co' }))).toEqual({
      status: 200,
      body: { user: { id: 'user-1', role: 'user', email: 'a@b.co' } },
    });
    expect(await call('GET', '/me', await bearer())).toEqual({
      status: 200,
      body: { id: 'user-1' },
    });
  });

  it('rejects a present but bad token even on public routes', async () => {
    const expired = `Bearer ${await sign(keyA, {}, { exp: Math.floor(Date.now() / 1000) - 120 })}`;
    const response = await call('GET', '/public', expired);
    expect(response).toMatchObject({ status: 401, body: { code: 'token_expired' } });
    expect(await call('GET', '/public', 'Basic dXNlcjpwYXNz')).toMatchObject({ status: 401 });
  });

  it('lets guests write only where the route allows it', async () => {
    expect(await call('POST', '/items')).toMatchObject({
      status: 401,
      body: { code: 'unauthorized' },
    });
    expect((await call('POST', '/login')).status).toBe(200);
    expect(await call('POST', '/items', await bearer())).toEqual({
      status: 200,
      body: { by: 'user-1' },
    });
  });

  it('guards roles: 401 for guests, 403 for users, 200 for admins', async () => {
    expect((await call('DELETE', '/movies/1')).status).toBe(401);
    expect(await call('DELETE', '/movies/1', await bearer())).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    expect((await call('DELETE', '/movies/1', await bearer({ role: 'admin' }))).status).toBe(200);
  });
});

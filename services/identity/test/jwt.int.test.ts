import type { AddressInfo } from 'node:net';
import { type Auth, createAuth } from '@cinesync/kit/auth';
import type { Db } from '@cinesync/kit/db';
import { AppError } from '@cinesync/kit/http';
import { dbEngines } from '@cinesync/kit/testing';
import {
  base64url,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenPair } from '../src/auth-service.js';
import type { PublicJwk } from '../src/signing-keys.js';
import { KeyStore } from '../src/signing-keys.js';
import { type Identity, startIdentity } from './harness.js';
import { call } from './http.js';

const ADMIN = { email: 'keys@cinesync.test', password: 'admin passphrase 42' };
const ISSUER = 'cinesync-identity';
const AUDIENCE = 'cinesync';

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`access tokens and keys (${engine.title})`, () => {
    let db: Db;
    let app: Identity;
    let jwksUrl: string;
    let session: TokenPair;

    /** A new kit verifier each time, so nothing it cached hides what the JWKS serves now. */
    const verifier = (): Auth =>
      createAuth({ jwksUrl, issuer: ISSUER, audience: AUDIENCE, cooldownMs: 0 });

    const jwks = async () =>
      call<{ keys: (PublicJwk & { d?: string })[] }>(app.server, 'GET', '/.well-known/jwks.json');

    /** Rejected by the kit verifier (401) and by this service's own routes (401). */
    async function expectRejected(token: string): Promise<void> {
      const error = await verifier()
        .verify(token)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(401);
      const me = await call(app.server, 'GET', '/api/v1/users/me', { token });
      expect(me.status).toBe(401);
    }

    async function activeKey() {
      const store = new KeyStore({
        db,
        clock: app.clock.now,
        maxAgeMs: 86_400_000,
        publishForMs: 960_000,
      });
      return store.signingKey();
    }

    beforeAll(async () => {
      db = await engine.open();
      app = await startIdentity(db, {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        SIGNING_KEY_MAX_AGE: '1d',
      });
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.server.address() as AddressInfo;
      jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
      const login = await call<TokenPair>(app.server, 'POST', '/api/v1/auth/login', {
        body: ADMIN,
      });
      expect(login.status).toBe(200);
      session = login.body;
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('serves public keys only, cacheable, and the kit verifier accepts our tokens', async () => {
      const response = await jwks();
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=60');
      expect(response.body.keys).toHaveLength(1);
      const [key] = response.body.keys;
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key?.d).toBeUndefined();
      expect(decodeProtectedHeader(session.accessToken)).toEqual({
        alg: 'EdDSA',
        kid: key?.kid,
        typ: 'JWT',
      });

      const user = await verifier().verify(session.accessToken);
      expect(user).toMatchObject({ role: 'admin', email: ADMIN.email });
      expect(user.claims.exp).toBeDefined();
    });

    it('rejects alg=none', async () => {
      const claims = { ...decodeClaims(session.accessToken) };
      const unsigned = new UnsecuredJWT(claims).encode();
      await expectRejected(unsigned);
      // Also with our kid in the header, as a confused verifier might look it up.
      const [, payload] = session.accessToken.split('.');
      const header = base64url.encode(
        JSON.stringify({ alg: 'none', kid: (await activeKey()).kid }),
      );
      await expectRejected(`${header}.${payload}.`);
    });

    it('rejects HS256 signed with the public key as the HMAC secret', async () => {
      const { kid } = await activeKey();
      const [published] = (await jwks()).body.keys;
      const publicKey = await importJWK({ ...published }, 'EdDSA');
      if (publicKey instanceof Uint8Array) throw new Error('expected an asymmetric key');
      const secrets = [
        base64url.decode(published?.x ?? ''),
        new TextEncoder().encode(await exportSPKI(publicKey)),
        new TextEncoder().encode(JSON.stringify(published)),
      ];
      for (const secret of secrets) {
        const forged = await new SignJWT(decodeClaims(session.accessToken))
          .setProtectedHeader({ alg: 'HS256', kid })
          .sign(secret);
        await expectRejected(forged);
      }
    });

    it('rejects tokens for another audience or issuer, expired ones, and foreign keys', async () => {
      const { kid, privateKey } = await activeKey();
      const now = Math.floor(Date.now() / 1000);
      const sign = (claims: JWTPayload, key = privateKey) =>
        new SignJWT({
          role: 'admin',
          sub: '0190a3c4-1111-7aaa-8bbb-123456789abc',
          iat: now,
          exp: now + 300,
          ...claims,
        })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .sign(key);
      // Control: the same recipe with the right claims is accepted, so the rejections below are
      // about the claim each one changes.
      await expect(
        verifier().verify(await sign({ iss: ISSUER, aud: AUDIENCE })),
      ).resolves.toBeTruthy();

      await expectRejected(await sign({ iss: ISSUER, aud: 'another-app' }));
      await expectRejected(await sign({ iss: 'https://evil.example', aud: AUDIENCE }));
      await expectRejected(
        await sign({ iss: ISSUER, aud: AUDIENCE, iat: now - 7200, exp: now - 3600 }),
      );
      const foreign = await generateKeyPair('EdDSA');
      await expectRejected(await sign({ iss: ISSUER, aud: AUDIENCE }, foreign.privateKey));
    });

    it('rotation: a new key signs, tokens of the old one keep working until they expire', async () => {
      const before = await jwks();
      const oldKid = before.body.keys[0]?.kid;
      expect((await call(app.server, 'POST', '/api/v1/auth/keys/rotate')).status).toBe(401);

      const rotated = await call<{ kid: string }>(app.server, 'POST', '/api/v1/auth/keys/rotate', {
        token: session.accessToken,
      });
      expect(rotated.status).toBe(200);
      expect(rotated.body.kid).not.toBe(oldKid);
      const after = await jwks();
      expect(after.body.keys.map((key) => key.kid)).toEqual([rotated.body.kid, oldKid]);

      // Signed before the rotation, verified after it with the JWKS as served now.
      await expect(verifier().verify(session.accessToken)).resolves.toMatchObject({
        role: 'admin',
      });
      const renewed = await call<TokenPair>(app.server, 'POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(decodeProtectedHeader(renewed.body.accessToken).kid).toBe(rotated.body.kid);
      await expect(verifier().verify(renewed.body.accessToken)).resolves.toBeTruthy();
      session = renewed.body;

      // Once the old key's tokens have all expired, it leaves the JWKS.
      app.clock.advance(app.config.ACCESS_TOKEN_TTL + 61_000);
      expect((await jwks()).body.keys.map((key) => key.kid)).toEqual([rotated.body.kid]);
    });

    it('rotates by itself when the signing key reaches SIGNING_KEY_MAX_AGE', async () => {
      const { kid: before } = decodeProtectedHeader(session.accessToken);
      app.clock.advance(86_400_000);
      const renewed = await call<TokenPair>(app.server, 'POST', '/api/v1/auth/refresh', {
        body: { refreshToken: session.refreshToken },
      });
      expect(renewed.status).toBe(200);
      const { kid: after } = decodeProtectedHeader(renewed.body.accessToken);
      expect(after).not.toBe(before);
      expect((await jwks()).body.keys.map((key) => key.kid)).toEqual([after, before]);
    });
  });
}

function decodeClaims(token: string): JWTPayload {
  const [, payload] = token.split('.');
  return JSON.parse(new TextDecoder().decode(base64url.decode(payload ?? ''))) as JWTPayload;
}

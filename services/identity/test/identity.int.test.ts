import { parseEvent, userRegistered } from '@cinesync/contracts';
import { ConfigError } from '@cinesync/kit/config';
import type { Db, Tx } from '@cinesync/kit/db';
import { dbEngines } from '@cinesync/kit/testing';
import { hash } from '@node-rs/argon2';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenPair } from '../src/auth-service.js';
import { deleteRefreshTokensExpiredBefore } from '../src/repository.js';
import { GOOD_PASSWORD, type Identity, startIdentity, uniqueEmail } from './harness.js';
import { call } from './http.js';

const ADMIN = { email: 'root@cinesync.test', password: 'admin passphrase 42' };
const ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

interface UserJson {
  id: string;
  email: string;
  displayName: string;
  role: string;
  createdAt: string;
}

interface ProblemJson {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`identity (${engine.title})`, () => {
    let db: Db;
    let app: Identity;
    const register = (body: object, ip?: string) =>
      call<UserJson & ProblemJson>(app.server, 'POST', '/api/v1/auth/register', { body, ip });
    const login = (email: string, password: string, ip?: string) =>
      call<TokenPair & ProblemJson>(app.server, 'POST', '/api/v1/auth/login', {
        body: { email, password },
        ip,
      });
    const refresh = (refreshToken: string) =>
      call<TokenPair & ProblemJson>(app.server, 'POST', '/api/v1/auth/refresh', {
        body: { refreshToken },
      });
    const me = (token: string) => call<UserJson>(app.server, 'GET', '/api/v1/users/me', { token });
    const setRole = (id: string, role: string, token?: string) =>
      call<UserJson & ProblemJson>(app.server, 'PATCH', `/api/v1/users/${id}/role`, {
        body: { role },
        ...(token ? { token } : {}),
      });

    beforeAll(async () => {
      db = await engine.open();
      app = await startIdentity(db, ENV);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('register → login → me → refresh → reuse revokes the family → logout', async () => {
      const email = uniqueEmail('Ada');
      const created = await register({ email, password: GOOD_PASSWORD, displayName: 'Ada' });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual([
        'createdAt',
        'displayName',
        'email',
        'id',
        'role',
      ]);
      expect(created.body).toMatchObject({ email, displayName: 'Ada', role: 'user' });

      const signedIn = await login(email.toUpperCase(), GOOD_PASSWORD);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      const claims = decodeJwt(signedIn.body.accessToken);
      expect(claims).toMatchObject({
        sub: created.body.id,
        role: 'user',
        email,
        name: 'Ada',
        iss: 'cinesync-identity',
        aud: 'cinesync',
      });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);

      const mine = await me(signedIn.body.accessToken);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(created.body);

      const first = signedIn.body.refreshToken;
      const rotated = await refresh(first);
      expect(rotated.status).toBe(200);
      expect(rotated.body.refreshToken).not.toBe(first);
      expect((await me(rotated.body.accessToken)).status).toBe(200);

      // The old token again: someone else has it. Both it and its successor stop working.
      const reused = await refresh(first);
      expect(reused.status).toBe(401);
      expect(reused.body.code).toBe('invalid_refresh_token');
      expect((await refresh(rotated.body.refreshToken)).status).toBe(401);

      const again = await login(email, GOOD_PASSWORD);
      const logout = await call(app.server, 'POST', '/api/v1/auth/logout', {
        body: { refreshToken: again.body.refreshToken },
      });
      expect(logout.status).toBe(204);
      expect((await refresh(again.body.refreshToken)).status).toBe(401);
      const twice = await call(app.server, 'POST', '/api/v1/auth/logout', {
        body: { refreshToken: again.body.refreshToken },
      });
      expect(twice.status).toBe(204);
    });

    it('a taken email is 409, whatever its case', async () => {
      const email = uniqueEmail('dup');
      expect((await register({ email, password: GOOD_PASSWORD })).status).toBe(201);
      const duplicate = await register({ email: email.toUpperCase(), password: GOOD_PASSWORD });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('email_taken');
    });

    it('weak passwords and bad emails are 400 naming the field', async () => {
      const common = await register({ email: uniqueEmail(), password: 'password1' });
      expect(common.status).toBe(400);
      expect(common.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(common.body.errors).toEqual([
        { field: '/body/password', message: expect.stringMatching(/most common/) },
      ]);

      const short = await register({ email: uniqueEmail(), password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.errors?.map((e) => e.field)).toEqual(['/body/password']);

      const badEmail = await register({ email: 'not-an-email', password: GOOD_PASSWORD });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.errors?.map((e) => e.field)).toEqual(['/body/email']);

      const nothing = await register({});
      expect(nothing.body.errors?.map((e) => e.field).sort()).toEqual([
        '/body/email',
        '/body/password',
      ]);
    });

    it('wrong email and wrong password get the same 401', async () => {
      const unknown = await login(uniqueEmail('ghost'), GOOD_PASSWORD, '192.0.2.50');
      const wrong = await login(ADMIN.email, 'not the password', '192.0.2.50');
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body.code).toBe('invalid_credentials');
      expect({ ...wrong.body, requestId: undefined }).toEqual({
        ...unknown.body,
        requestId: undefined,
      });
    });

    it('repeated failures are throttled with Retry-After; the owner elsewhere still gets in', async () => {
      const email = uniqueEmail('target');
      await register({ email, password: GOOD_PASSWORD });
      const attacker = '203.0.113.66';
      for (let i = 0; i < 5; i++) {
        expect((await login(email, `guess number ${i}`, attacker)).status).toBe(401);
      }
      const refused = await login(email, GOOD_PASSWORD, attacker);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('30');
      expect(refused.body.code).toBe('too_many_requests');
      expect((await login(email, GOOD_PASSWORD, '198.51.100.20')).status).toBe(200);
    });

    it('the admin from ADMIN_EMAIL changes roles; others get 403; guests 401', async () => {
      const admin = await login(ADMIN.email, ADMIN.password);
      expect(admin.status).toBe(200);
      const adminToken = admin.body.accessToken;
      const adminMe = await me(adminToken);
      expect(adminMe.body.role).toBe('admin');

      // The only admin cannot demote themself.
      const last = await setRole(adminMe.body.id, 'user', adminToken);
      expect(last.status).toBe(409);
      expect(last.body.code).toBe('last_admin');

      const email = uniqueEmail('bob');
      const bob = await register({ email, password: GOOD_PASSWORD });
      const bobLogin = await login(email, GOOD_PASSWORD);
      const forbidden = await setRole(bob.body.id, 'admin', bobLogin.body.accessToken);
      expect(forbidden.status).toBe(403);
      expect((await setRole(bob.body.id, 'admin')).status).toBe(401);

      const badId = await setRole('not-a-uuid', 'admin', adminToken);
      expect(badId.status).toBe(400);
      expect(badId.body.errors?.map((e) => e.field)).toEqual(['/params/id']);
      const badRole = await setRole(bob.body.id, 'root', adminToken);
      expect(badRole.status).toBe(400);
      const missing = await setRole('0190a3c4-1111-7aaa-8bbb-123456789abc', 'admin', adminToken);
      expect(missing.status).toBe(404);

      const promoted = await setRole(bob.body.id, 'admin', adminToken);
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ id: bob.body.id, role: 'admin' });
      // Bob's next access token carries the new role.
      const renewed = await refresh(bobLogin.body.refreshToken);
      expect(decodeJwt(renewed.body.accessToken).role).toBe('admin');

      // With two admins, one may step down; a demoted admin's old token no longer works for this.
      const demoted = await setRole(bob.body.id, 'user', adminToken);
      expect(demoted.body.role).toBe('user');
      const stale = await setRole(adminMe.body.id, 'user', renewed.body.accessToken);
      expect(stale.status).toBe(403);
    });

    it('writes identity.user.registered to the outbox with the user', async () => {
      const email = uniqueEmail('event');
      const created = await register({ email, password: GOOD_PASSWORD, displayName: '  Eve ' });
      const { rows } = await db.query<{
        id: string;
        subject: string;
        key: string;
        payload: unknown;
      }>('SELECT id, subject, key, payload FROM outbox WHERE key = $1', [created.body.id]);
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(row?.subject).toBe('identity.user.registered');
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(parseEvent(userRegistered, row?.payload)).toEqual({
        version: 1,
        userId: created.body.id,
        email,
        displayName: 'Eve',
        occurredAt: created.body.createdAt,
      });
    });

    it('an event that cannot be written takes the user with it', async () => {
      const failing = await startIdentity(outboxFails(db), {});
      try {
        const email = uniqueEmail('rollback');
        const response = await call(failing.server, 'POST', '/api/v1/auth/register', {
          body: { email, password: GOOD_PASSWORD },
        });
        expect(response.status).toBe(500);
        const users = await db.query('SELECT id FROM users WHERE lower(email) = lower($1)', [
          email,
        ]);
        expect(users.rowCount).toBe(0);
        const events = await db.query('SELECT id FROM outbox WHERE payload->>$1 = $2', [
          'email',
          email,
        ]);
        expect(events.rowCount).toBe(0);
      } finally {
        await failing.close();
      }
    });

    it('admin bootstrap promotes an existing account and refuses bad settings', async () => {
      const email = uniqueEmail('carol');
      await register({ email, password: GOOD_PASSWORD });
      const second = await startIdentity(db, { ADMIN_EMAIL: email.toUpperCase() });
      await second.close();
      const { rows } = await db.query<{ role: string }>(
        'SELECT role FROM users WHERE lower(email) = lower($1)',
        [email],
      );
      expect(rows[0]?.role).toBe('admin');

      await expect(startIdentity(db, { ADMIN_EMAIL: uniqueEmail('nopass') })).rejects.toThrow(
        ConfigError,
      );
      const weak = startIdentity(db, {
        ADMIN_EMAIL: uniqueEmail('weak'),
        ADMIN_PASSWORD: 'password',
      });
      await expect(weak).rejects.toThrow(/ADMIN_PASSWORD/);
    });

    it('upgrades a hash made with weaker parameters at sign-in', async () => {
      const email = uniqueEmail('legacy');
      const created = await register({ email, password: GOOD_PASSWORD });
      const weak = await hash(GOOD_PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
      await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [created.body.id, weak]);
      expect((await login(email, GOOD_PASSWORD)).status).toBe(200);
      const { rows } = await db.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [created.body.id],
      );
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    // Last: it moves this app's clock a month ahead.
    it('an expired refresh token is refused', async () => {
      const signedIn = await login(ADMIN.email, ADMIN.password);
      app.clock.advance(app.config.REFRESH_TOKEN_TTL + 1000);
      const expired = await refresh(signedIn.body.refreshToken);
      expect(expired.status).toBe(401);
      const pruned = await deleteRefreshTokensExpiredBefore(db, app.clock.now());
      expect(pruned).toBeGreaterThan(0);
      const left = await db.query('SELECT 1 FROM refresh_tokens WHERE expires_at < $1', [
        app.clock.now(),
      ]);
      expect(left.rowCount).toBe(0);
    });
  });
}

/** The real database, except that inserting into the outbox fails inside transactions. */
function outboxFails(db: Db): Db {
  const breakOutbox = (tx: Tx): Tx => ({
    query: (sql, params) =>
      sql.includes('INSERT INTO outbox')
        ? Promise.reject(new Error('outbox unavailable'))
        : tx.query(sql, params),
    exec: (script) => tx.exec(script),
  });
  return {
    engine: db.engine,
    query: (sql, params) => db.query(sql, params),
    exec: (script) => db.exec(script),
    transaction: (fn) => db.transaction((tx) => fn(breakOutbox(tx))),
    ping: () => db.ping(),
    close: () => db.close(),
  };
}

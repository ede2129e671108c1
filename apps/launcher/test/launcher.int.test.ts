import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@cinesync/kit/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Platform } from '../src/launch.js';
import { backends, gateway } from '../src/services.js';

const logger = createLogger({ service: 'launcher-test', level: 'warn' });

/** The embedded platform only: real servers from the caller's environment are left out. */
function embeddedEnv(dataDir: string) {
  return {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'admin@cinesync.test',
    ADMIN_PASSWORD: 'launcher-admin-pass',
  };
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('launcher: every service in one process on embedded engines', () => {
  let dataDir: string;
  let platform: Platform;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cinesync-launcher-'));
    platform = await launch({
      backends,
      gateway,
      env: embeddedEnv(dataDir),
      portOverride: 0,
      logger,
    });
  }, 300_000);

  afterAll(async () => {
    await platform?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz and /readyz on the gateway', async () => {
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${platform.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('starts every backend and the gateway', () => {
    expect(platform.services.map((service) => service.name)).toEqual([
      ...backends.map((definition) => definition.name),
      'gateway',
    ]);
  });

  it('routes a sign-up and sign-in through the gateway, and the token opens /users/me', async () => {
    const email = 'viewer@cinesync.test';
    const password = 'popcorn-and-projector';
    const registered = await json(
      await fetch(`${platform.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, displayName: 'Viewer' }),
      }),
    );
    expect(registered.status).toBe(201);
    const login = await json(
      await fetch(`${platform.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(login.status).toBe(200);
    const me = await json(
      await fetch(`${platform.url}/api/v1/users/me`, {
        headers: { authorization: `Bearer ${String(login.body.accessToken)}` },
      }),
    );
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it('keeps data across a restart on the same data directory', async () => {
    await platform.close();
    platform = await launch({
      backends,
      gateway,
      env: embeddedEnv(dataDir),
      portOverride: 0,
      logger,
    });
    const again = await fetch(`${platform.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@cinesync.test', password: 'popcorn-and-projector' }),
    });
    expect(again.status).toBe(409);
  }, 300_000);
});

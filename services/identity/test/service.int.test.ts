import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvent, userRegistered } from '@cinesync/contracts';
import { type Bus, createMemoryBus, type Delivery } from '@cinesync/kit/bus';
import { type StartedService, startService } from '@cinesync/kit/service';
import { createTestDatabase, dbEngines, type TestDatabase } from '@cinesync/kit/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { service } from '../src/index.js';
import { GOOD_PASSWORD, uniqueEmail } from './harness.js';

// The service as the launcher and main.ts start it: config from env, migrations from the folder
// next to src/, limiters and bus from the context, the outbox relay publishing.
for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`identity service (${engine.title})`, () => {
    let dataDir: string;
    let database: TestDatabase | undefined;
    let bus: Bus;
    let started: StartedService;

    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'identity-'));
      const serverUrl = process.env.DATABASE_URL;
      if (engine.name === 'postgres' && serverUrl) database = await createTestDatabase(serverUrl);
      bus = createMemoryBus();
      started = await startService(service, {
        env: {
          DATA_DIR: dataDir,
          DATABASE_URL: database?.url,
          LOG_LEVEL: 'silent',
          ADMIN_EMAIL: 'boot@cinesync.test',
          ADMIN_PASSWORD: 'bootstrap passphrase',
        },
        shared: { bus },
        port: 0,
        host: '127.0.0.1',
      });
    });
    afterAll(async () => {
      await started?.close();
      await bus?.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('is ready and documents every endpoint', async () => {
      expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
      const spec = (await (await fetch(`${started.url}/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
      };
      const ours = Object.keys(spec.paths).filter((path) => !/^\/(healthz|readyz)$/.test(path));
      expect(ours.sort()).toEqual([
        '/.well-known/jwks.json',
        '/api/v1/auth/keys/rotate',
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/auth/refresh',
        '/api/v1/auth/register',
        '/api/v1/users/me',
        '/api/v1/users/{id}/role',
      ]);
      expect(spec.paths['/api/v1/auth/register']?.post?.requestBody).toBeDefined();
      expect(Object.keys(spec.paths['/api/v1/auth/login']?.post?.responses ?? {})).toContain('200');
    });

    it('publishes identity.user.registered for sign-ups and the bootstrapped admin', async () => {
      const received: Delivery[] = [];
      const subscription = bus.subscribe(
        { durable: 'identity_test', subjects: ['identity.user.registered'] },
        async (message) => {
          received.push(message);
        },
      );
      try {
        const email = uniqueEmail('pub');
        const response = await fetch(`${started.url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: GOOD_PASSWORD }),
        });
        expect(response.status).toBe(201);
        const user = (await response.json()) as { id: string };
        await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 10_000 });
        const payloads = received.map((message) => parseEvent(userRegistered, message.payload));
        expect(payloads.map((p) => p.email)).toEqual(['boot@cinesync.test', email]);
        expect(received[1]?.key).toBe(user.id);
      } finally {
        await subscription.stop();
      }
    });
  });
}

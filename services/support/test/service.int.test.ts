import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryBus } from '@cinesync/kit/bus';
import type { Schema } from '@cinesync/kit/config';
import { type ServiceDefinition, type StartedService, startService } from '@cinesync/kit/service';
import { createTestDatabase, type TestDatabase } from '@cinesync/kit/testing';
import { service as notifications } from '@cinesync/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { startIssuer, type TestIssuer } from './support/auth.js';

const serverUrl = process.env.DATABASE_URL;
const engines = [
  { name: 'pglite', skip: false },
  { name: 'postgres', skip: !serverUrl },
] as const;

interface FeedItem {
  category: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const engine of engines) {
  const title = engine.skip
    ? `${engine.name} (skipped unless DATABASE_URL is set)`
    : `support and notifications started as in production on ${engine.name}`;
  describe.skipIf(engine.skip)(title, () => {
    const bus = createMemoryBus();
    const databases: TestDatabase[] = [];
    let issuer: TestIssuer;
    let dataDir: string;
    let support: StartedService;
    let notifier: StartedService;

    async function start<S extends Schema>(definition: ServiceDefinition<S>) {
      let databaseUrl: string | undefined;
      if (engine.name === 'postgres' && serverUrl) {
        const database = await createTestDatabase(serverUrl);
        databases.push(database);
        databaseUrl = database.url;
      }
      const env = {
        JWKS_URL: issuer.jwksUrl,
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
      };
      return startService(definition, { env, shared: { bus }, host: '127.0.0.1', port: 0 });
    }

    beforeAll(async () => {
      issuer = await startIssuer();
      dataDir = await mkdtemp(join(tmpdir(), 'support-'));
      support = await start(service);
      notifier = await start(notifications);
    });
    afterAll(async () => {
      await support?.close();
      await notifier?.close();
      await bus.close();
      for (const database of databases) await database.drop();
      await issuer?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('is ready and documents its API', async () => {
      expect((await fetch(`${support.url}/readyz`)).status).toBe(200);
      const openapi = (await (await fetch(`${support.url}/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/tickets',
          '/api/v1/tickets/{id}',
          '/api/v1/tickets/{id}/messages',
          '/api/v1/tickets/{id}/status',
          '/api/v1/tickets/{id}/assignee',
          '/api/v1/tickets/agents',
        ]),
      );
    });

    it("tells the ticket's owner in-app when support changes it", async () => {
      const alice = await issuer.caller('user');
      const admin = await issuer.caller('admin');
      const json = { ...alice.headers, 'content-type': 'application/json' };
      const opened = await fetch(`${support.url}/api/v1/tickets`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ subject: 'No sound', body: 'Silent film?', category: 'playback' }),
      });
      expect(opened.status).toBe(201);
      const ticket = (await opened.json()) as { id: string };
      const moved = await fetch(`${support.url}/api/v1/tickets/${ticket.id}/status`, {
        method: 'PUT',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'in_progress' }),
      });
      expect(moved.status).toBe(200);

      const feed = () =>
        fetch(`${notifier.url}/api/v1/notifications`, { headers: alice.headers })
          .then((response) => response.json() as Promise<{ items: FeedItem[] }>)
          .then((page) => page.items);
      const items = await eventually(feed, (list) => list.length >= 2);
      const [latest, first] = items;
      expect(items).toHaveLength(2);
      expect(latest).toMatchObject({
        category: 'support',
        type: 'ticket.updated',
        link: `/support/tickets/${ticket.id}`,
        data: {
          ticketId: ticket.id,
          subject: 'No sound',
          status: 'in_progress',
          change: 'status_changed',
        },
      });
      expect(latest?.body).toContain('Status: in progress');
      expect(first?.data).toMatchObject({ status: 'open', change: 'created' });
      // Nobody else hears about Alice's ticket.
      const others = await fetch(`${notifier.url}/api/v1/notifications`, {
        headers: admin.headers,
      });
      expect(((await others.json()) as { items: unknown[] }).items).toEqual([]);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { createAuth } from '@cinesync/kit/auth';
import type { Bus } from '@cinesync/kit/bus';
import { type Db, migrate } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { createLogger, type Logger } from '@cinesync/kit/log';
import { outboxMigrations, uuidv7 } from '@cinesync/kit/outbox';
import type { TestDbEngine } from '@cinesync/kit/testing';
import { buildApp } from '../../src/app.js';
import type { Subjects } from '../../src/events.js';
import { createSmtpMailer, type Mailer } from '../../src/mailer.js';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../src/runtime.js';
import { AUDIENCE, ISSUER, startIssuer, type TestIssuer } from './auth.js';
import { eventually, type Setup, type TestBus } from './engines.js';
import { startSmtp, type TestSmtp } from './smtp.js';

export const MIGRATIONS = new URL('../../migrations/', import.meta.url);
export const PUBLIC_URL = 'http://cinesync.test';
export const logger = createLogger({ service: 'notifications-test', level: 'silent' });

export interface TestUser {
  userId: string;
  email: string;
  displayName: string;
}

export interface OrderChange {
  orderId: string;
  status: string;
  previousStatus?: string;
  items?: {
    sku: string;
    name: string;
    count: number;
    price: { amount: number; currency: string };
  }[];
}

/** One replica: the background runtime and the HTTP app on the harness's database and a bus. */
export interface Replica {
  bus: Bus;
  runtime: Runtime;
  app: Server;
  stop(): Promise<void>;
}

export interface Harness {
  db: Db;
  smtp: TestSmtp;
  issuer: TestIssuer;
  testBus: TestBus;
  /** The running replica. */
  replica(): Replica;
  start(mailer?: Mailer): Promise<Replica>;
  /** Stops the current replica (consumer first) and starts a new one, as a redeploy does. */
  restart(): Promise<Replica>;
  publish(subject: keyof Subjects, key: string, payload: unknown, id?: string): Promise<string>;
  register(user?: Partial<TestUser>): Promise<TestUser>;
  changeOrder(user: TestUser, change: OrderChange, id?: string): Promise<string>;
  /** Waits until every published message went through the inbox and no mail is left to send. */
  settled(ids?: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  logger?: Logger;
  consumer?: RuntimeOptions['consumer'];
  sender?: RuntimeOptions['sender'];
  livePollMs?: number;
}

/** A migrated database of the engine, shared by a file's tests: opening PGlite takes a while. */
export async function openDatabase(engine: TestDbEngine): Promise<Db> {
  const db = await engine.open();
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
  return db;
}

/** Empties every table, so each test starts from nothing on the shared database. */
export async function truncate(db: Db): Promise<void> {
  await db.exec(
    'TRUNCATE recipients, preferences, feed_heads, notifications, watermarks, deliveries, inbox, outbox',
  );
}

/** Everything a test needs around the given database, which it empties first. */
export async function openHarness(
  setup: Setup,
  db: Db,
  options: HarnessOptions = {},
): Promise<Harness> {
  await truncate(db);
  const smtp = await startSmtp();
  const issuer = await startIssuer();
  const testBus = setup.bus.create();
  const auth = createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE });
  const published = new Set<string>();
  let current: Replica | undefined;

  async function startReplica(
    mailer: Mailer = createSmtpMailer({ url: smtp.url, from: 'CineSync <no-reply@cinesync.test>' }),
  ): Promise<Replica> {
    const bus = await testBus.open();
    const runtime = startRuntime({
      db,
      bus,
      mailer,
      logger: options.logger ?? logger,
      publicUrl: PUBLIC_URL,
      durable: testBus.durable,
      subjects: testBus.subjects,
      consumer: options.consumer ?? { maxAttempts: 3, backoffMs: [20, 50] },
      sender: { retryDelayMs: 50, intervalMs: 200, ...options.sender },
      livePollMs: options.livePollMs ?? 200,
    });
    const app = await buildApp({ db, auth, live: runtime.live, logger });
    let stopped = false;
    return {
      bus,
      runtime,
      app,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await runtime.stop();
        await mailer.close();
        await bus.close();
      },
    };
  }

  const harness: Harness = {
    db,
    smtp,
    issuer,
    testBus,
    replica() {
      if (!current) throw new Error('not started');
      return current;
    },
    async start(mailer) {
      await current?.stop();
      current = await startReplica(mailer);
      return current;
    },
    async restart() {
      await current?.stop();
      current = await startReplica();
      return current;
    },
    async publish(subject, key, payload, id = uuidv7()) {
      // The running replica's connection: the in-process bus is one per process.
      await harness.replica().bus.publish({ subject: testBus.subjects[subject], id, key, payload });
      published.add(id);
      return id;
    },
    async register(user = {}) {
      const registered: TestUser = {
        userId: user.userId ?? randomUUID(),
        email: user.email ?? `u${randomUUID().slice(0, 8)}@example.org`,
        displayName: user.displayName ?? 'Ann Watcher',
      };
      await harness.publish('userRegistered', registered.userId, {
        version: 1,
        ...registered,
        occurredAt: new Date().toISOString(),
      });
      return registered;
    },
    changeOrder(user, change, id) {
      const items = change.items ?? [
        {
          sku: 'rent-1',
          name: 'Metropolis (rental)',
          count: 1,
          price: { amount: 399, currency: 'EUR' },
        },
      ];
      const amount = items.reduce((sum, item) => sum + item.price.amount * item.count, 0);
      return harness.publish(
        'orderStatusChanged',
        change.orderId,
        {
          orderId: change.orderId,
          userId: user.userId,
          status: change.status,
          previousStatus: change.previousStatus ?? 'new',
          items,
          total: { amount, currency: 'EUR' },
          occurredAt: new Date().toISOString(),
        },
        id,
      );
    },
    async settled(ids = [...published]) {
      const unique = [...new Set(ids)];
      await eventually(`${unique.length} events handled and mail sent`, async () => {
        const inbox = await db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = ANY($2::text[])',
          [testBus.durable, unique],
        );
        const open = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM deliveries WHERE status = 'pending'",
        );
        return inbox.rows[0]?.n === unique.length && open.rows[0]?.n === 0;
      });
    },
    async close() {
      await current?.stop();
      await testBus.cleanup();
      await smtp.close();
      await issuer.close();
    },
  };
  return harness;
}

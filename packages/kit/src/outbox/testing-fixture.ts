import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import {
  type Bus,
  createMemoryBus,
  type Delivery,
  type Handler,
  openBus,
  type SubscribeOptions,
} from '../bus/index.js';
import { type Db, migrate, type Row, type Tx } from '../db/index.js';
import { dbEngines } from '../testing/index.js';
import { consume, enqueue, outboxMigrations } from './index.js';

const natsUrl = process.env.NATS_URL;
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let names = 0;

interface BusEngine {
  name: 'memory' | 'jetstream';
  open(options: { duplicateWindowMs?: number }): Promise<Bus>;
  /** Deletes the stream a test's subject created on the server. */
  cleanup(subject: string): Promise<void>;
}

const memoryBus: BusEngine = {
  name: 'memory',
  open: async (options) => createMemoryBus(options),
  cleanup: async () => {},
};

const jetstreamBus: BusEngine = {
  name: 'jetstream',
  open: (options) => openBus({ url: natsUrl, ...options }),
  async cleanup(subject) {
    const nc = await connect({ servers: natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      const stream = await jsm.streams.find(subject).catch(() => undefined);
      if (stream) await jsm.streams.delete(stream);
    } finally {
      await nc.close();
    }
  },
};

export interface OutboxTest {
  db: Db;
  engine: Db['engine'];
  busKind: BusEngine['name'];
  /** A bus plus a subject and durable prefix no other test (or earlier run) uses; closed after the suite. */
  openBus(options?: {
    duplicateWindowMs?: number;
  }): Promise<{ bus: Bus; subject: string; name: string }>;
  /** Business transactions: bump the account's version and enqueue the event, n = 1..perKey. */
  writeEvents(subject: string, keys: string[], perKey: number): Promise<string[]>;
  /** An inbox consumer whose effect is one `applied` row per application. */
  startConsumer(
    bus: Bus,
    options: SubscribeOptions,
    before?: (message: Delivery) => void,
  ): { deliveries: Delivery[] };
  appliedByKey(durable: string): Promise<Record<string, number[]>>;
  unpublished(subject: string): Promise<number>;
  later(cleanup: () => Promise<void>): void;
}

/**
 * Runs `body` on PGlite + memory bus always, Postgres + memory bus with DATABASE_URL, and
 * Postgres + JetStream with both DATABASE_URL and NATS_URL.
 */
export function outboxSuites(body: (t: OutboxTest) => void): void {
  const [pglite, postgres] = dbEngines();
  const bothMissing = 'skipped unless DATABASE_URL and NATS_URL are set';
  const combos = [
    { db: pglite, bus: memoryBus, skipReason: undefined },
    { db: postgres, bus: memoryBus, skipReason: postgres?.skipReason },
    {
      db: postgres,
      bus: jetstreamBus,
      skipReason: postgres?.skipReason || !natsUrl ? bothMissing : undefined,
    },
  ];
  for (const combo of combos) {
    const engine = combo.db;
    if (!engine) continue;
    const reason = combo.skipReason ? ` (${combo.skipReason})` : '';
    const title = `${engine.name} + ${combo.bus.name}${reason}`;
    // Generous bounds for a loaded CI machine; they only turn a hang into a failure.
    describe.skipIf(combo.skipReason)(title, { timeout: 90_000 }, () => {
      const cleanups: (() => Promise<void>)[] = [];
      let db: Db | undefined;
      const current = (): Db => {
        if (!db) throw new Error('database not open yet');
        return db;
      };

      beforeAll(async () => {
        db = await engine.open();
        await migrate(db, { sets: [outboxMigrations] });
        await db.exec(`
          CREATE TABLE accounts (key text PRIMARY KEY, version int NOT NULL);
          CREATE TABLE applied (at bigserial PRIMARY KEY, consumer text, key text, n int);
        `);
      });
      // Relays publish every pending row; a test must not publish an earlier test's leftovers.
      beforeEach(async () => {
        await current().query('DELETE FROM outbox');
      });
      afterAll(async () => {
        for (const cleanup of cleanups.reverse()) await cleanup();
        await db?.close();
      });

      body({
        get db() {
          return current();
        },
        engine: engine.name,
        busKind: combo.bus.name,
        later: (cleanup) => cleanups.push(cleanup),
        async openBus(options = {}) {
          const name = `ob${run}t${++names}`;
          const subject = `${name}.account.changed`;
          const bus = await combo.bus.open(options);
          cleanups.push(async () => {
            await bus.close();
            await combo.bus.cleanup(subject);
          });
          return { bus, subject, name };
        },
        async writeEvents(subject, keys, perKey) {
          const ids: string[] = [];
          for (let n = 1; n <= perKey; n++) {
            for (const key of keys) {
              const id = await current().transaction(async (tx) => {
                await tx.query(
                  `INSERT INTO accounts VALUES ($1, $2)
                   ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version`,
                  [key, n],
                );
                return enqueue(tx, { subject, key, payload: { key, n } });
              });
              ids.push(id);
            }
          }
          return ids;
        },
        startConsumer(bus, options, before) {
          const deliveries: Delivery[] = [];
          const sub = consume(current(), watched(bus, deliveries), options, async (tx, message) => {
            before?.(message);
            const { key, n } = message.payload as { key: string; n: number };
            await tx.query('INSERT INTO applied (consumer, key, n) VALUES ($1, $2, $3)', [
              options.durable,
              key,
              n,
            ]);
          });
          cleanups.push(() => sub.stop());
          return { deliveries };
        },
        async appliedByKey(durable) {
          const { rows } = await current().query<{ key: string; n: number }>(
            'SELECT key, n FROM applied WHERE consumer = $1 ORDER BY at',
            [durable],
          );
          const byKey: Record<string, number[]> = {};
          for (const row of rows) {
            byKey[row.key] ??= [];
            byKey[row.key]?.push(row.n);
          }
          return byKey;
        },
        async unpublished(subject) {
          const { rows } = await current().query<{ n: string }>(
            'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND subject = $1',
            [subject],
          );
          return Number(rows[0]?.n);
        },
      });
    });
  }
}

/** The same bus, recording every delivery its subscribers get, applied or skipped by the inbox. */
function watched(bus: Bus, deliveries: Delivery[]): Bus {
  return {
    kind: bus.kind,
    publish: (message) => bus.publish(message),
    subscribe: (options, handler: Handler) =>
      bus.subscribe(options, (message) => {
        deliveries.push(message);
        return handler(message);
      }),
    subscribeBatch: (options, handler) => bus.subscribeBatch(options, handler),
    ping: () => bus.ping(),
    close: () => bus.close(),
  };
}

/** A relay "killed" between publish and mark: publishing works, the mark never lands. */
export function killedBeforeMark(db: Db): Db {
  const dying = (tx: Tx): Tx => ({
    exec: (script) => tx.exec(script),
    query<R extends Row = Row>(sql: string, params?: readonly unknown[]) {
      if (sql.includes('SET published_at')) return Promise.reject(new Error('relay killed'));
      return tx.query<R>(sql, params);
    },
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(dying(tx))) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

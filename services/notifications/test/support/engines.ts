import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bus, openBus } from '@cinesync/kit/bus';
import { dbEngines, type TestDbEngine } from '@cinesync/kit/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { defaultSubjects, type Subjects } from '../../src/events.js';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let counter = 0;
const unique = () => `${run}${++counter}`;

export interface TestBus {
  subjects: Subjects;
  durable: string;
  /** A new connection to the same stream and consumer, as a restarted process makes. */
  open(): Promise<Bus>;
  /** Deletes what the run created on the server, or the in-process bus's files. */
  cleanup(): Promise<void>;
}

export interface BusEngine {
  name: 'memory' | 'jetstream';
  create(): TestBus;
}

/** Persisted in a temp dir so a reopen replays it; no de-duplication window, so a repeated id reaches the inbox. */
const memoryBus: BusEngine = {
  name: 'memory',
  create() {
    const dataDir = mkdtempSync(join(tmpdir(), 'notifications-bus-'));
    return {
      subjects: defaultSubjects,
      durable: 'notifications',
      open: () => openBus({ dataDir, duplicateWindowMs: 0 }),
      async cleanup() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Subjects whose first token is unique to the run, so the streams (T<run>IDENTITY, ...) are too. */
function jetstreamBus(url: string): BusEngine {
  return {
    name: 'jetstream',
    create() {
      const id = unique();
      const tokens = ['identity', 'orders', 'support'].map((token) => `t${id}${token}`);
      const durable = `notifications_${id}`;
      return {
        subjects: {
          userRegistered: `${tokens[0]}.user.registered`,
          orderStatusChanged: `${tokens[1]}.order.status_changed`,
          ticketUpdated: `${tokens[2]}.ticket.updated`,
        },
        durable,
        open: () => openBus({ url, name: 'notifications-test' }),
        async cleanup() {
          const nc = await connect({ servers: url });
          try {
            const jsm = await jetstreamManager(nc);
            for (const token of tokens) {
              await jsm.streams.delete(token.toUpperCase()).catch(() => false);
            }
            await jsm.streams.purge('DLQ', { filter: `dlq.${durable}` }).catch(() => undefined);
            // Consumers a test made on the shared DLQ stream to watch dead letters.
            const watchers = await jsm.consumers
              .list('DLQ')
              .next()
              .catch(() => []);
            for (const consumer of watchers) {
              if (consumer.name.startsWith(durable)) {
                await jsm.consumers.delete('DLQ', consumer.name).catch(() => false);
              }
            }
          } finally {
            await nc.close();
          }
        },
      };
    },
  };
}

export interface Setup {
  title: string;
  skipReason?: string;
  db: TestDbEngine;
  bus: BusEngine;
}

/**
 * PGlite and the in-process bus always; Postgres with the in-process bus when DATABASE_URL is
 * set; JetStream (with Postgres when set, else PGlite) when NATS_URL is set.
 */
export function setups(env = process.env): Setup[] {
  const [pglite, postgres] = dbEngines(env);
  if (!pglite || !postgres) throw new Error('dbEngines() changed shape');
  const nats = env.NATS_URL;
  const jetstreamDb = postgres.skipReason ? pglite : postgres;
  return [
    { title: 'pglite + memory bus', db: pglite, bus: memoryBus },
    {
      title: `${postgres.title} + memory bus`,
      skipReason: postgres.skipReason,
      db: postgres,
      bus: memoryBus,
    },
    {
      title: nats
        ? `${jetstreamDb.name} + jetstream`
        : 'jetstream (skipped unless NATS_URL is set)',
      skipReason: nats ? undefined : 'skipped unless NATS_URL is set',
      db: jetstreamDb,
      bus: nats ? jetstreamBus(nats) : memoryBus,
    },
  ];
}

/** Polls until check() holds; fails with the label instead of hanging. */
export async function eventually(
  label: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsEventsAccepted } from '@cinesync/contracts';
import { type Bus, dlqSubject, openBus } from '@cinesync/kit/bus';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type AnalyticsRepository, ETL_DURABLE, openRepository } from '../../src/index.js';
import { openClickHouseEngine } from '../../src/repository/clickhouse-engine.js';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let counter = 0;
const unique = () => `${run}${++counter}`;

export interface TestStore {
  repository: AnalyticsRepository;
  close(): Promise<void>;
}

export interface StoreEngine {
  title: string;
  skipReason?: string;
  open(): Promise<TestStore>;
}

/** chDB always; the ClickHouse server when CLICKHOUSE_URL is set (a database per test, dropped). */
export function storeEngines(env = process.env): StoreEngine[] {
  const url = env.CLICKHOUSE_URL;
  return [
    {
      title: 'chdb',
      async open() {
        // chDB holds one data directory per process: each test opens and closes its own.
        const dataDir = mkdtempSync(join(tmpdir(), 'analytics-test-'));
        const repository = await openRepository({ dataDir, database: 'analytics' });
        return {
          repository,
          async close() {
            await repository.close();
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      title: url ? 'clickhouse server' : 'clickhouse server (skipped unless CLICKHOUSE_URL is set)',
      skipReason: url ? undefined : 'CLICKHOUSE_URL is not set',
      async open() {
        if (!url) throw new Error('CLICKHOUSE_URL is not set');
        const database = `test_analytics_${unique()}`;
        const repository = await openRepository({ url, dataDir: '', database });
        return {
          repository,
          async close() {
            await repository.close();
            const admin = openClickHouseEngine({ url });
            await admin.command(`DROP DATABASE IF EXISTS ${database}`).finally(() => admin.close());
          },
        };
      },
    },
  ];
}

export interface TestBus {
  bus: Bus;
  /** A new connection to the same stream, as a restarted process would make. */
  reopen(): Promise<Bus>;
  /** Subject and durable names for this test (unique on JetStream, which is shared). */
  subject: string;
  durable: string;
  /** Durable for reading this test's dead letters. */
  dlqReader: string;
  cleanup(): Promise<void>;
}

export interface BusEngine {
  title: string;
  skipReason?: string;
  open(): Promise<TestBus>;
}

/** The in-process bus (persisted in a temp dir) always; JetStream when NATS_URL is set. */
export function busEngines(env = process.env): BusEngine[] {
  const url = env.NATS_URL;
  return [
    {
      title: 'memory bus',
      async open() {
        const dataDir = mkdtempSync(join(tmpdir(), 'analytics-bus-'));
        return {
          bus: await openBus({ dataDir }),
          reopen: () => openBus({ dataDir }),
          subject: analyticsEventsAccepted.subject,
          durable: ETL_DURABLE,
          dlqReader: 'dlq-reader',
          async cleanup() {
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      title: url ? 'jetstream' : 'jetstream (skipped unless NATS_URL is set)',
      skipReason: url ? undefined : 'NATS_URL is not set',
      async open() {
        if (!url) throw new Error('NATS_URL is not set');
        // A first subject token (hence a stream) and durables of its own: the server is shared
        // with other suites, and its DLQ stream holds every durable's dead letters.
        const token = `t${unique()}`;
        const durable = `${token}_etl`;
        const dlqReader = `${token}_dlq`;
        return {
          bus: await openBus({ url }),
          reopen: () => openBus({ url }),
          subject: `${token}.events.accepted`,
          durable,
          dlqReader,
          async cleanup() {
            const nc = await connect({ servers: url });
            try {
              const jsm = await jetstreamManager(nc);
              await jsm.streams.delete(token.toUpperCase()).catch(() => false);
              await jsm.consumers.delete('DLQ', dlqReader).catch(() => false);
              await jsm.streams
                .purge('DLQ', { filter: dlqSubject(durable) })
                .catch(() => undefined);
            } finally {
              await nc.close();
            }
          },
        };
      },
    },
  ];
}

/** Polls until check() resolves true; fails with the label instead of hanging. */
export async function eventually(
  label: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

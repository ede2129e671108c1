import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe } from 'vitest';
import { createJetStreamBus } from './jetstream-bus.js';
import { dlqSubject, streamName } from './subjects.js';
import { busContract } from './testing-contract.js';

const url = process.env.NATS_URL;

describe.skipIf(!url)('jetstream bus (skipped unless NATS_URL is set)', () => {
  // Subjects and durables unique to this run, so a rerun never sees an earlier run's messages.
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let n = 0;
  let admin: NatsConnection;
  const created = new Map<string, string[]>();

  beforeAll(async () => {
    admin = await connect({ servers: url });
  });
  afterAll(async () => {
    await admin?.close();
  });

  busContract({
    async open() {
      const token = `jt${run}n${++n}`;
      const durables: string[] = [];
      const bus = await createJetStreamBus({ url: url ?? '' });
      const ctx = {
        bus,
        subject: (rest: string) => `${token}.${rest}`,
        durable: (name: string) => {
          const durable = `${token}_${name}`;
          durables.push(durable);
          return durable;
        },
      };
      created.set(token, durables);
      return ctx;
    },
    async cleanup(ctx) {
      await ctx.bus.close();
      const jsm = await jetstreamManager(admin);
      const token = ctx.subject('x').split('.')[0] ?? '';
      await jsm.streams.delete(streamName(token)).catch(() => false);
      const dlq = streamName('dlq');
      for (const durable of created.get(token) ?? []) {
        await jsm.consumers.delete(dlq, durable).catch(() => false);
        await jsm.streams.purge(dlq, { filter: dlqSubject(durable) }).catch(() => undefined);
      }
    },
  });
});

import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DLQ_ERROR_HEADER } from './defaults.js';
import { createJetStreamBus } from './jetstream-bus.js';
import { dlqSubject, streamName } from './subjects.js';
import { busContract, waitFor } from './testing-contract.js';
import type { Delivery } from './types.js';

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

  it('dead-letters, without running the handler, a message delivered maxAttempts times unacked', async () => {
    const token = `jt${run}guard`;
    const subject = `${token}.job.run`;
    const durable = `${token}_guard`;
    const bus = await createJetStreamBus({ url: url ?? '' });
    const jsm = await jetstreamManager(admin);
    try {
      await bus.publish({ subject, id: 'g1', key: 'k', payload: 'crashy' });
      // Two deliveries that end without an ack, as when the handler kills the process twice.
      await jsm.consumers.add(streamName(token), {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        filter_subject: subject,
      });
      const raw = await jetstream(admin).consumers.get(streamName(token), durable);
      for (let i = 0; i < 2; i++) (await raw.next({ expires: 5_000 }))?.nak();

      const dead: Delivery[] = [];
      const handled: Delivery[] = [];
      const dlqSub = bus.subscribe({ durable, subjects: [dlqSubject(durable)] }, async (m) => {
        dead.push(m);
      });
      const sub = bus.subscribe({ durable, subjects: [subject], maxAttempts: 2 }, async (m) => {
        handled.push(m);
      });
      await waitFor('dead letter', () => dead.length === 1);
      await Promise.all([sub.stop(), dlqSub.stop()]);
      expect(handled).toEqual([]);
      expect(dead[0]?.payload).toBe('crashy');
      expect(dead[0]?.headers[DLQ_ERROR_HEADER]).toContain('2 times without an ack');
    } finally {
      await bus.close();
      await jsm.streams.delete(streamName(token)).catch(() => false);
      await jsm.consumers.delete(streamName('dlq'), durable).catch(() => false);
      await jsm.streams
        .purge(streamName('dlq'), { filter: dlqSubject(durable) })
        .catch(() => undefined);
    }
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

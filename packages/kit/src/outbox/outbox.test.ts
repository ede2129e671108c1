import { describe, expect, it, vi } from 'vitest';
import { enqueue, OutboxRelay, uuidv7 } from './index.js';
import { killedBeforeMark, outboxSuites, sleep } from './testing-fixture.js';

const uuid7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const settle = { timeout: 60_000, interval: 20 };

outboxSuites((t) => {
  it('stores an event only when its transaction commits', async () => {
    const { subject } = await t.openBus();
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, { subject, key: 'a', payload: { n: 1 } });
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    expect(await t.unpublished(subject)).toBe(0);

    const id = await t.db.transaction((tx) =>
      enqueue(tx, { subject, key: 'a', payload: { n: [1] }, headers: { h: 'v' } }),
    );
    expect(id).toMatch(uuid7);
    const { rows } = await t.db.query('SELECT * FROM outbox WHERE id = $1', [id]);
    expect(rows[0]).toMatchObject({
      subject,
      key: 'a',
      payload: { n: [1] },
      headers: { h: 'v' },
      published_at: null,
    });
  });

  it('a relay killed between publish and mark loses nothing and applies nothing twice', async () => {
    // A window that expires: the worst case, the relay comes back after the bus forgot the ids.
    const window = t.busKind === 'memory' ? 0 : 200;
    const { bus, subject, name } = await t.openBus({ duplicateWindowMs: window });
    const durable = `${name}_apply`;
    const consumer = t.startConsumer(bus, { durable, subjects: [subject], backoffMs: [10] });
    const keys = ['k1', 'k2', 'k3'];
    const ids = await t.writeEvents(subject, keys, 4);

    const killed = new OutboxRelay({ db: killedBeforeMark(t.db), bus, batchSize: 5 });
    await expect(killed.runOnce()).rejects.toThrow('relay killed');
    expect(await t.unpublished(subject)).toBe(ids.length);
    await vi.waitFor(() => expect(consumer.deliveries).toHaveLength(5), settle);
    await sleep(window + 50);

    const fresh = new OutboxRelay({ db: t.db, bus, batchSize: 5, intervalMs: 20 });
    fresh.start();
    const once = { k1: [1, 2, 3, 4], k2: [1, 2, 3, 4], k3: [1, 2, 3, 4] };
    try {
      await vi.waitFor(async () => {
        expect(await t.unpublished(subject)).toBe(0);
        expect(await t.appliedByKey(durable)).toEqual(once);
      }, settle);
    } finally {
      await fresh.stop();
    }
    // The first five reached the consumer a second time and were skipped.
    await vi.waitFor(() => expect(consumer.deliveries).toHaveLength(ids.length + 5), settle);
    await sleep(50);
    expect(await t.appliedByKey(durable)).toEqual(once);
    const inbox = await t.db.query('SELECT message_id FROM inbox WHERE consumer = $1', [durable]);
    expect(inbox.rows.map((row) => row.message_id).sort()).toEqual([...ids].sort());
  });

  it('a handler that throws gets the message again and applies it once', async () => {
    const { bus, subject, name } = await t.openBus();
    const durable = `${name}_retry`;
    let failures = 0;
    const consumer = t.startConsumer(
      bus,
      { durable, subjects: [subject], backoffMs: [10] },
      (message) => {
        const { n } = message.payload as { n: number };
        if (n === 2 && message.attempt === 1) {
          failures++;
          throw new Error('downstream hiccup');
        }
      },
    );
    const ids = await t.writeEvents(subject, ['r'], 3);
    const relay = new OutboxRelay({ db: t.db, bus });
    expect(await relay.runOnce()).toBe(3);

    await vi.waitFor(async () => {
      expect(await t.appliedByKey(durable)).toEqual({ r: [1, 2, 3] });
    }, settle);
    expect(failures).toBe(1);
    const second = consumer.deliveries.filter((m) => m.id === ids[1]).map((m) => m.attempt);
    expect(second).toEqual([1, 2]);
  });

  it('two consumers with their own durables each apply every event once', async () => {
    const { bus, subject, name } = await t.openBus();
    t.startConsumer(bus, { durable: `${name}_a`, subjects: [subject] });
    t.startConsumer(bus, { durable: `${name}_b`, subjects: [subject] });
    await t.writeEvents(subject, ['x', 'y'], 2);
    await new OutboxRelay({ db: t.db, bus }).runOnce();
    for (const durable of [`${name}_a`, `${name}_b`]) {
      await vi.waitFor(async () => {
        expect(await t.appliedByKey(durable)).toEqual({ x: [1, 2], y: [1, 2] });
      }, settle);
    }
  });
});

describe('uuidv7', () => {
  it('is a version 7 UUID that sorts by creation time', () => {
    const early = uuidv7(1_700_000_000_000);
    const late = uuidv7(1_700_000_000_001);
    expect(early).toMatch(uuid7);
    expect(early.slice(0, 13)).toBe('018bcfe5-6800');
    expect(early < late).toBe(true);
  });
});

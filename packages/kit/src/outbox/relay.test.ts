import { expect, it, vi } from 'vitest';
import type { Bus, OutgoingMessage } from '../bus/index.js';
import { OutboxRelay } from './index.js';
import { OUTBOX_LOCK_CLASS, RELAY_LOCK } from './locks.js';
import { outboxSuites, sleep } from './testing-fixture.js';

const settle = { timeout: 60_000, interval: 20 };

/** The same bus with publish replaced; subscribers still see what reaches the real one. */
function withPublish(bus: Bus, publish: (message: OutgoingMessage) => Promise<void>): Bus {
  return {
    kind: bus.kind,
    publish,
    subscribe: (options, handler) => bus.subscribe(options, handler),
    subscribeBatch: (options, handler) => bus.subscribeBatch(options, handler),
    ping: () => bus.ping(),
    close: () => bus.close(),
  };
}

outboxSuites((t) => {
  it('a failed publish stops the round; marks stay on what went out and order holds', async () => {
    const { bus, subject, name } = await t.openBus();
    const durable = `${name}_order`;
    t.startConsumer(bus, { durable, subjects: [subject] });
    await t.writeEvents(subject, ['a', 'b'], 3);
    let calls = 0;
    const flaky = withPublish(bus, async (message) => {
      if (++calls === 3) throw new Error('bus unavailable');
      await bus.publish(message);
    });
    const relay = new OutboxRelay({ db: t.db, bus: flaky });
    await expect(relay.runOnce()).rejects.toThrow('bus unavailable');
    expect(await t.unpublished(subject)).toBe(4);

    expect(await relay.runOnce()).toBe(4);
    await vi.waitFor(async () => {
      expect(await t.appliedByKey(durable)).toEqual({ a: [1, 2, 3], b: [1, 2, 3] });
    }, settle);
  });

  it('notify() wakes an idle relay at once', async () => {
    const { bus, subject, name } = await t.openBus();
    const durable = `${name}_notify`;
    t.startConsumer(bus, { durable, subjects: [subject] });
    let rounds = 0;
    // A poll interval far longer than the wait below: only notify() can make this pass.
    const relay = new OutboxRelay({ db: t.db, bus, intervalMs: 600_000, onRound: () => rounds++ });
    relay.start();
    try {
      await vi.waitFor(() => expect(rounds).toBe(1), settle);
      await t.writeEvents(subject, ['n'], 1);
      relay.notify();
      await vi.waitFor(async () => {
        expect(await t.appliedByKey(durable)).toEqual({ n: [1] });
      }, settle);
    } finally {
      await relay.stop();
    }
  });

  it('stop() waits for the round in flight, which still marks what it published', async () => {
    const { bus, subject } = await t.openBus();
    await t.writeEvents(subject, ['s'], 1);
    let entered = () => {};
    const inPublish = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = withPublish(bus, async (message) => {
      entered();
      await gate;
      await bus.publish(message);
    });
    const relay = new OutboxRelay({ db: t.db, bus: slow });
    relay.start();
    await inPublish;
    let stopped = false;
    const stopping = relay.stop().then(() => {
      stopped = true;
    });
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await t.unpublished(subject)).toBe(0);
  });

  it('prunes published rows and old inbox rows after the retention, never pending rows', async () => {
    const { subject } = await t.openBus();
    const [pending, recent, old] = await t.writeEvents(subject, ['p', 'r', 'o'], 1);
    await t.db.query(
      `UPDATE outbox SET published_at = now() - (CASE WHEN id = $2 THEN interval '2 days' ELSE interval '1 minute' END)
       WHERE id IN ($1, $2)`,
      [recent, old],
    );
    await t.db.query(
      `INSERT INTO inbox (consumer, message_id, processed_at)
       VALUES ('c', 'old', now() - interval '2 days'), ('c', 'recent', now())`,
    );
    const relay = new OutboxRelay({
      db: t.db,
      bus: (await t.openBus()).bus,
      retentionMs: 86_400_000,
    });
    expect(await relay.prune()).toEqual({ outbox: 1, inbox: 1 });
    const left = await t.db.query('SELECT id FROM outbox WHERE subject = $1', [subject]);
    expect(left.rows.map((row) => row.id).sort()).toEqual([pending, recent].sort());
    const inbox = await t.db.query("SELECT message_id FROM inbox WHERE consumer = 'c'");
    expect(inbox.rows).toEqual([{ message_id: 'recent' }]);
  });

  it('a round is skipped while another relay holds the lock', async () => {
    if (t.engine === 'pglite') return; // one connection: a second relay waits instead, same effect
    const { bus, subject } = await t.openBus();
    await t.writeEvents(subject, ['l'], 2);
    const relay = new OutboxRelay({ db: t.db, bus });
    await t.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [OUTBOX_LOCK_CLASS, RELAY_LOCK]);
      expect(await relay.runOnce()).toBe(0);
    });
    expect(await t.unpublished(subject)).toBe(2);
    expect(await relay.runOnce()).toBe(2);
  });

  it('two relays running at once publish each row once, in order', async () => {
    const { bus, subject, name } = await t.openBus();
    const durable = `${name}_pair`;
    const published: string[] = [];
    const counting = withPublish(bus, async (message) => {
      published.push(message.id);
      await bus.publish(message);
    });
    t.startConsumer(bus, { durable, subjects: [subject] });
    const ids = await t.writeEvents(subject, ['p', 'q'], 10);
    const relays = [1, 2].map(
      () => new OutboxRelay({ db: t.db, bus: counting, batchSize: 3, intervalMs: 10 }),
    );
    for (const relay of relays) relay.start();
    try {
      await vi.waitFor(async () => expect(await t.unpublished(subject)).toBe(0), settle);
    } finally {
      await Promise.all(relays.map((relay) => relay.stop()));
    }
    expect(published).toEqual(ids);
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    await vi.waitFor(async () => {
      expect(await t.appliedByKey(durable)).toEqual({ p: ten, q: ten });
    }, settle);
  });
});

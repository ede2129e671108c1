import { afterEach, beforeEach, expect, it } from 'vitest';
import { DLQ_ERROR_HEADER } from './defaults.js';
import { dlqSubject } from './subjects.js';
import type { Bus, Delivery, Subscription } from './types.js';

/** What one contract test gets: a bus plus names nobody else (no earlier run) has used. */
export interface ContractContext {
  bus: Bus;
  /** A subject whose first token is unique to this test. */
  subject(rest: string): string;
  /** A durable name unique to this test. */
  durable(name: string): string;
}

export interface ContractEngine {
  open(): Promise<ContractContext>;
  cleanup(context: ContractContext): Promise<void>;
}

/** Polls until check() holds; fails with the label instead of hanging. */
export async function waitFor(label: string, check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The behaviour every Bus implementation must show; run against the memory bus and JetStream. */
export function busContract(engine: ContractEngine): void {
  let ctx: ContractContext;
  let subs: Subscription[];

  beforeEach(async () => {
    ctx = await engine.open();
    subs = [];
  });
  afterEach(async () => {
    await Promise.all(subs.map((sub) => sub.stop()));
    await engine.cleanup(ctx);
  });

  const track = (sub: Subscription) => {
    subs.push(sub);
    return sub;
  };

  it('delivers a published message with its id, key, payload and headers', async () => {
    const subject = ctx.subject('user.created');
    const got: Delivery[] = [];
    track(
      ctx.bus.subscribe({ durable: ctx.durable('rt'), subjects: [subject] }, async (m) => {
        got.push(m);
      }),
    );
    await ctx.bus.publish({
      subject,
      id: 'm-1',
      key: 'user-1',
      payload: { name: 'Ada', at: '2024-01-01T00:00:00.000Z' },
      headers: { 'trace-id': 'abc' },
    });
    await waitFor('delivery', () => got.length === 1);
    expect(got[0]).toMatchObject({
      id: 'm-1',
      subject,
      key: 'user-1',
      payload: { name: 'Ada', at: '2024-01-01T00:00:00.000Z' },
      headers: { 'trace-id': 'abc' },
      attempt: 1,
    });
  });

  it('stores a repeated message id once', async () => {
    const subject = ctx.subject('x.y');
    await ctx.bus.publish({ subject, id: 'dup', key: 'k', payload: 1 });
    await ctx.bus.publish({ subject, id: 'dup', key: 'k', payload: 2 });
    await ctx.bus.publish({ subject, id: 'after', key: 'k', payload: 3 });
    const got: unknown[] = [];
    track(
      ctx.bus.subscribe({ durable: ctx.durable('dup'), subjects: [subject] }, async (m) => {
        got.push(m.payload);
      }),
    );
    await waitFor('the message after the duplicate', () => got.includes(3));
    expect(got).toEqual([1, 3]);
  });

  it('keeps publish order per key while different keys run concurrently', async () => {
    const subject = ctx.subject('order.changed');
    const keys = ['a', 'b', 'c'];
    const perKey = 20;
    for (let i = 0; i < perKey; i++) {
      for (const key of keys)
        await ctx.bus.publish({ subject, id: `${key}-${i}`, key, payload: i });
    }
    const seen = new Map<string, number[]>(keys.map((key) => [key, []]));
    const activeKeys = new Set<string>();
    let maxActive = 0;
    let overlapSameKey = false;
    track(
      ctx.bus.subscribe(
        { durable: ctx.durable('ord'), subjects: [subject], concurrency: 8 },
        async (m) => {
          if (activeKeys.has(m.key)) overlapSameKey = true;
          activeKeys.add(m.key);
          maxActive = Math.max(maxActive, activeKeys.size);
          await sleep(2);
          seen.get(m.key)?.push(m.payload as number);
          activeKeys.delete(m.key);
        },
      ),
    );
    const total = () => [...seen.values()].reduce((n, list) => n + list.length, 0);
    await waitFor('all messages', () => total() === keys.length * perKey);
    const expected = Array.from({ length: perKey }, (_, i) => i);
    for (const key of keys) expect(seen.get(key)).toEqual(expected);
    expect(overlapSameKey).toBe(false);
    expect(maxActive).toBeGreaterThan(1);
  });

  it('keeps per-key order across several subjects of one durable', async () => {
    const created = ctx.subject('order.created');
    const paid = ctx.subject('order.paid');
    const other = ctx.subject('order.viewed');
    for (let i = 0; i < 5; i++) {
      await ctx.bus.publish({ subject: created, id: `c${i}`, key: `o${i}`, payload: null });
      await ctx.bus.publish({ subject: other, id: `v${i}`, key: `o${i}`, payload: null });
      await ctx.bus.publish({ subject: paid, id: `p${i}`, key: `o${i}`, payload: null });
    }
    const seen = new Map<string, string[]>();
    track(
      ctx.bus.subscribe({ durable: ctx.durable('multi'), subjects: [paid, created] }, async (m) => {
        await sleep(1);
        seen.set(m.key, [...(seen.get(m.key) ?? []), m.id]);
      }),
    );
    await waitFor('ten messages', () => [...seen.values()].flat().length === 10);
    for (let i = 0; i < 5; i++) expect(seen.get(`o${i}`)).toEqual([`c${i}`, `p${i}`]);
  });

  it('redelivers a message whose handler threw, and holds back the rest of its key', async () => {
    const subject = ctx.subject('retry.me');
    const log: string[] = [];
    track(
      ctx.bus.subscribe(
        { durable: ctx.durable('retry'), subjects: [subject], backoffMs: [20] },
        async (m) => {
          log.push(`${m.id}#${m.attempt}`);
          if (m.id === 'first' && m.attempt === 1) throw new Error('transient');
        },
      ),
    );
    await ctx.bus.publish({ subject, id: 'first', key: 'k', payload: null });
    await ctx.bus.publish({ subject, id: 'second', key: 'k', payload: null });
    await waitFor('second delivered', () => log.includes('second#1'));
    expect(log).toEqual(['first#1', 'first#2', 'second#1']);
  });

  it('dead-letters to dlq.<durable> after maxAttempts, then moves on', async () => {
    const subject = ctx.subject('poison.msg');
    const durable = ctx.durable('dead');
    const attempts: number[] = [];
    const later: string[] = [];
    track(
      ctx.bus.subscribe(
        { durable, subjects: [subject], maxAttempts: 3, backoffMs: [10] },
        async (m) => {
          if (m.id === 'poison') {
            attempts.push(m.attempt);
            throw new Error('cannot handle this');
          }
          later.push(m.id);
        },
      ),
    );
    const dead: Delivery[] = [];
    track(
      ctx.bus.subscribe(
        { durable: ctx.durable('dlqreader'), subjects: [dlqSubject(durable)] },
        async (m) => {
          dead.push(m);
        },
      ),
    );
    await ctx.bus.publish({ subject, id: 'poison', key: 'k', payload: { bad: true } });
    await ctx.bus.publish({ subject, id: 'fine', key: 'k', payload: null });
    await waitFor('dead letter', () => dead.length === 1);
    await waitFor('next message of the key', () => later.length === 1);
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead[0]?.payload).toEqual({ bad: true });
    expect(dead[0]?.key).toBe('k');
    expect(dead[0]?.headers[DLQ_ERROR_HEADER]).toContain('cannot handle this');
  });

  it('shares one durable between two subscribers: each message handled once in total', async () => {
    const subject = ctx.subject('shared.work');
    const durable = ctx.durable('shared');
    const handled: string[] = [];
    const handler = async (m: Delivery) => {
      await sleep(1);
      handled.push(m.id);
    };
    track(ctx.bus.subscribe({ durable, subjects: [subject] }, handler));
    track(ctx.bus.subscribe({ durable, subjects: [subject] }, handler));
    for (let i = 0; i < 30; i++) {
      await ctx.bus.publish({ subject, id: `m${i}`, key: `k${i % 5}`, payload: i });
    }
    await waitFor('all handled', () => handled.length >= 30);
    // A grace period for a wrongly duplicated delivery to show up before counting.
    await sleep(200);
    await Promise.all(subs.splice(0).map((sub) => sub.stop()));
    expect(handled.length).toBe(30);
    expect(new Set(handled).size).toBe(30);
  });

  it('gives a durable that subscribes after the publish every earlier message', async () => {
    const subject = ctx.subject('early.bird');
    for (let i = 0; i < 3; i++)
      await ctx.bus.publish({ subject, id: `e${i}`, key: 'k', payload: i });
    const got: unknown[] = [];
    track(
      ctx.bus.subscribe({ durable: ctx.durable('late'), subjects: [subject] }, async (m) => {
        got.push(m.payload);
      }),
    );
    await waitFor('earlier messages', () => got.length === 3);
    expect(got).toEqual([0, 1, 2]);
  });

  it('hands over a batch once it reaches maxBatch', async () => {
    const subject = ctx.subject('batch.size');
    for (let i = 0; i < 10; i++)
      await ctx.bus.publish({ subject, id: `b${i}`, key: `k${i}`, payload: i });
    const batches: number[][] = [];
    track(
      ctx.bus.subscribeBatch(
        { durable: ctx.durable('bsize'), subjects: [subject], maxBatch: 5, maxWaitMs: 60_000 },
        async (ms) => {
          batches.push(ms.map((m) => m.payload as number));
        },
      ),
    );
    await waitFor('two batches', () => batches.length === 2);
    expect(batches.map((b) => b.length)).toEqual([5, 5]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('hands over a partial batch after maxWaitMs', async () => {
    const subject = ctx.subject('batch.time');
    for (let i = 0; i < 3; i++)
      await ctx.bus.publish({ subject, id: `t${i}`, key: 'k', payload: i });
    const batches: number[][] = [];
    track(
      ctx.bus.subscribeBatch(
        { durable: ctx.durable('btime'), subjects: [subject], maxBatch: 100, maxWaitMs: 100 },
        async (ms) => {
          batches.push(ms.map((m) => m.payload as number));
        },
      ),
    );
    await waitFor('three messages in batches', () => batches.flat().length === 3);
    expect(batches.flat()).toEqual([0, 1, 2]);
    expect(batches.every((b) => b.length < 100)).toBe(true);
  });

  it('retries a failing batch, then isolates and dead-letters the poison message', async () => {
    const subject = ctx.subject('batch.poison');
    const durable = ctx.durable('bpoison');
    for (let i = 0; i < 6; i++) {
      await ctx.bus.publish({
        subject,
        id: i === 3 ? 'poison' : `ok${i}`,
        key: `k${i}`,
        payload: i,
      });
    }
    const stored: string[] = [];
    const sizes: number[] = [];
    track(
      ctx.bus.subscribeBatch(
        {
          durable,
          subjects: [subject],
          maxBatch: 10,
          maxWaitMs: 50,
          maxAttempts: 3,
          backoffMs: [10],
        },
        async (ms) => {
          sizes.push(ms.length);
          if (ms.some((m) => m.id === 'poison')) throw new Error('poison in batch');
          stored.push(...ms.map((m) => m.id));
        },
      ),
    );
    const dead: string[] = [];
    track(
      ctx.bus.subscribe(
        { durable: ctx.durable('bdlq'), subjects: [dlqSubject(durable)] },
        async (m) => {
          dead.push(String(m.payload));
        },
      ),
    );
    await waitFor('poison dead-lettered', () => dead.length > 0);
    await waitFor('good messages stored', () => stored.length === 5);
    expect(stored.sort()).toEqual(['ok0', 'ok1', 'ok2', 'ok4', 'ok5']);
    expect(dead).toContain('3');
    expect(sizes.some((n) => n > 1)).toBe(true);
  });

  it('hands a message not acked when its subscriber stops to the next subscriber', async () => {
    const subject = ctx.subject('handover.job');
    const options = { durable: ctx.durable('handover'), subjects: [subject], backoffMs: [60_000] };
    let tries = 0;
    const first = ctx.bus.subscribe(options, async () => {
      tries++;
      throw new Error('not today');
    });
    await ctx.bus.publish({ subject, id: 'h1', key: 'k', payload: 'job' });
    await waitFor('first try', () => tries === 1);
    await first.stop();
    const got: Delivery[] = [];
    track(
      ctx.bus.subscribe(options, async (m) => {
        got.push(m);
      }),
    );
    await waitFor('handover', () => got.length === 1);
    expect(got[0]?.payload).toBe('job');
    expect(tries).toBe(1);
  });

  it('stop() resolves only after in-flight handlers finished', async () => {
    const subject = ctx.subject('slow.job');
    let started = false;
    let finished = false;
    const sub = ctx.bus.subscribe(
      { durable: ctx.durable('slow'), subjects: [subject] },
      async () => {
        started = true;
        await sleep(150);
        finished = true;
      },
    );
    await ctx.bus.publish({ subject, id: 's1', key: 'k', payload: null });
    await waitFor('handler start', () => started);
    await sub.stop();
    expect(finished).toBe(true);
  });
}

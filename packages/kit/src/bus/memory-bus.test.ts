import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryBus } from './memory-bus.js';
import { MemoryStream } from './memory-store.js';
import { busContract, waitFor } from './testing-contract.js';
import type { Delivery } from './types.js';

describe('memory bus with a data directory', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cinesync-bus-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers after a reopen what was not acked before close, and nothing acked', async () => {
    const dataDir = tempDir();
    const options = { durable: 'mailer', subjects: ['identity.>'], backoffMs: [60_000] };
    const first = createMemoryBus({ dataDir });
    const handled: string[] = [];
    first.subscribe(options, async (m) => {
      handled.push(m.id);
      if (m.id === 'b') throw new Error('crash before ack');
    });
    await first.publish({ subject: 'identity.user.created', id: 'a', key: 'u1', payload: 1 });
    await first.publish({ subject: 'identity.user.created', id: 'b', key: 'u2', payload: 2 });
    await waitFor('both tried', () => handled.length === 2);
    await first.close();

    const second = createMemoryBus({ dataDir });
    const again: Delivery[] = [];
    second.subscribe(options, async (m) => {
      again.push(m);
    });
    await waitFor('redelivery', () => again.length === 1);
    expect(again[0]).toMatchObject({ id: 'b', payload: 2, key: 'u2' });

    // The id window survives the restart too: a repeated publish is still a duplicate.
    await second.publish({ subject: 'identity.user.created', id: 'a', key: 'u1', payload: 1 });
    await second.publish({ subject: 'identity.user.created', id: 'c', key: 'u1', payload: 3 });
    await waitFor('new message', () => again.length === 2);
    expect(again.map((m) => m.id)).toEqual(['b', 'c']);
    await second.close();
  });

  it('writes concurrent publishes with one fsync, each durable and in order when it resolves', async () => {
    const dataDir = tempDir();
    const stream = new MemoryStream(dataDir, 60_000);
    const lines = () =>
      readFileSync(join(dataDir, 'stream.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { seq: number; id: string });
    const message = (id: string) => ({
      subject: 'orders.order.created',
      id,
      key: 'k',
      payload: id,
    });

    const ids = Array.from({ length: 50 }, (_, i) => `m${i}`);
    const stored = await Promise.all(ids.map((id) => stream.append(message(id))));
    expect(stored.map((m) => m?.seq)).toEqual(ids.map((_, i) => i + 1));
    expect(lines().map((line) => line.id)).toEqual(ids);
    expect(stream.syncs).toBeLessThan(5);

    // A repeat resolves once the first is durable, and is not stored again.
    const first = stream.append(message('again'));
    const repeat = stream.append(message('again'));
    expect(await repeat).toBeUndefined();
    expect(lines().map((line) => line.id)).toContain('again');
    expect((await first)?.seq).toBe(51);
    await stream.close();

    const reopened = new MemoryStream(dataDir, 60_000);
    expect(reopened.messages).toHaveLength(51);
    expect((await reopened.append(message('next')))?.seq).toBe(52);
    expect(await reopened.append(message('m3'))).toBeUndefined();
    await reopened.close();
  });

  it('rejects a second subscriber of a durable that asks for other subjects', async () => {
    const bus = createMemoryBus();
    const sub = bus.subscribe({ durable: 'd', subjects: ['a.>'] }, async () => {});
    expect(() => bus.subscribe({ durable: 'd', subjects: ['b.>'] }, async () => {})).toThrow(
      /other subjects/,
    );
    await sub.stop();
    await bus.close();
  });
});

describe('memory bus contract with a data directory (writes and fsyncs before delivery)', () => {
  let n = 0;
  const dirs = new Map<object, string>();
  busContract({
    async open() {
      const prefix = `t${++n}`;
      const dir = mkdtempSync(join(tmpdir(), 'cinesync-bus-contract-'));
      const bus = createMemoryBus({ dataDir: dir });
      dirs.set(bus, dir);
      return {
        bus,
        subject: (rest) => `${prefix}.${rest}`,
        durable: (name) => `${prefix}_${name}`,
      };
    },
    async cleanup(ctx) {
      await ctx.bus.close();
      const dir = dirs.get(ctx.bus);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
});

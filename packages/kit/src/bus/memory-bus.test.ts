import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBus } from './index.js';
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
  const message = (id: string) => ({ subject: 'orders.order.created', id, key: 'k', payload: id });

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

  it('repairs a torn last line at open, so publishes after a crash survive the next open', async () => {
    const dataDir = tempDir();
    const stream = new MemoryStream(dataDir, 60_000);
    await stream.append(message('a'));
    await stream.close();
    // A crash in the middle of writing the next line.
    appendFileSync(join(dataDir, 'stream.jsonl'), '{"seq":2,"subject":"orders.ord');

    const reopened = new MemoryStream(dataDir, 60_000);
    expect(reopened.messages.map((m) => m.id)).toEqual(['a']);
    await reopened.append(message('b'));
    await reopened.close();
    const third = new MemoryStream(dataDir, 60_000);
    // The torn publish never resolved, so its number is free again.
    expect(third.messages.map((m) => [m.id, m.seq])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    await third.close();
  });

  it('ends a last line that lost only its newline, so the next publish keeps a line of its own', async () => {
    const dataDir = tempDir();
    const stream = new MemoryStream(dataDir, 60_000);
    await stream.append(message('a'));
    await stream.close();
    const path = join(dataDir, 'stream.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').trimEnd());

    const reopened = new MemoryStream(dataDir, 60_000);
    await reopened.append(message('b'));
    await reopened.close();
    const third = new MemoryStream(dataDir, 60_000);
    expect(third.messages.map((m) => m.id)).toEqual(['a', 'b']);
    await third.close();
  });

  it('expires messages older than maxAgeMs: at open (files rewritten) and as it runs', async () => {
    const dataDir = tempDir();
    const hour = 3_600_000;
    const t0 = Date.now() - 5 * hour;
    const stream = new MemoryStream(dataDir, 60_000);
    // Published 5, 4, 3 and 0 hours ago; the consumer acked the first two.
    for (const [id, at] of [
      ['old1', t0],
      ['old2', t0 + hour],
      ['mid', t0 + 2 * hour],
    ] as const) {
      await stream.append(message(id), at);
    }
    await stream.append(message('new'));
    stream.acks('mailer').add(1);
    stream.acks('mailer').add(2);
    await stream.close();
    const acksFile = join(dataDir, 'acks', 'mailer.txt');
    expect(readFileSync(acksFile, 'utf8')).toBe('1\n2\n');

    // Reopened keeping 3.5 hours: the two oldest are gone from memory and from both files.
    const reopened = new MemoryStream(dataDir, 60_000, () => {}, 3.5 * hour);
    expect(reopened.messages.map((m) => m.id)).toEqual(['mid', 'new']);
    expect(readFileSync(join(dataDir, 'stream.jsonl'), 'utf8')).not.toContain('old');
    expect(reopened.acks('mailer').acked).toEqual(new Set());
    expect(readFileSync(acksFile, 'utf8')).toBe('');
    // Sequence numbers go on from the last one written, expired or not.
    expect((await reopened.append(message('next')))?.seq).toBe(5);

    // Two hours later "mid" is 5 hours old: the next publish drops it from memory.
    await reopened.append(message('later'), Date.now() + 2 * hour);
    expect(reopened.messages.map((m) => m.id)).toEqual(['new', 'next', 'later']);
    await reopened.close();
  });

  it('does not deliver expired messages to a durable that subscribes later', async () => {
    const dataDir = tempDir();
    const old = new MemoryStream(dataDir, 60_000);
    await old.append(
      { subject: 'identity.user.created', id: 'ancient', key: 'k', payload: 0 },
      Date.now() - 10 * 86_400_000,
    );
    await old.close();
    const bus = createMemoryBus({ dataDir, maxAgeMs: 7 * 86_400_000 });
    await bus.publish({ subject: 'identity.user.created', id: 'fresh', key: 'k', payload: 1 });
    const seen: string[] = [];
    const sub = bus.subscribe({ durable: 'late', subjects: ['identity.>'] }, async (m) => {
      seen.push(m.id);
    });
    await waitFor('fresh delivered', () => seen.length === 1);
    expect(seen).toEqual(['fresh']);
    await sub.stop();
    await bus.close();
  });

  it('refuses a retention shorter than the duplicate window', async () => {
    await expect(openBus({ streamMaxAgeMs: 60_000, duplicateWindowMs: 120_000 })).rejects.toThrow(
      /shorter than the duplicate window/,
    );
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

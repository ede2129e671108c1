import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryBus } from './memory-bus.js';
import { waitFor } from './testing-contract.js';
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

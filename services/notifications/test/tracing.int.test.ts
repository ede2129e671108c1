import { randomUUID } from 'node:crypto';
import type { Db } from '@cinesync/kit/db';
import { createLogger } from '@cinesync/kit/log';
import { initTelemetry, shutdownTelemetry } from '@cinesync/kit/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, setups } from './support/engines.js';
import { openDatabase, openHarness } from './support/harness.js';

const [embedded] = setups();

describe('tracing', () => {
  let db: Db;
  beforeAll(async () => {
    await initTelemetry({ service: 'notifications-test', otlpEndpoint: '', sentryDsn: '' });
    if (!embedded) throw new Error('no embedded setup');
    db = await openDatabase(embedded.db);
  });
  afterAll(async () => {
    await db?.close();
    await shutdownTelemetry();
  });

  it('handles an event inside the trace its producer put in the headers', async () => {
    if (!embedded) throw new Error('no embedded setup');
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      service: 'notifications-test',
      level: 'debug',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const h = await openHarness(embedded, db, { logger });
    try {
      await h.start();
      const traceId = randomUUID().replaceAll('-', '');
      const userId = randomUUID();
      const id = randomUUID();
      await h.replica().bus.publish({
        subject: h.testBus.subjects.userRegistered,
        id,
        key: userId,
        payload: {
          version: 1,
          userId,
          email: 'traced@example.org',
          displayName: 'T',
          occurredAt: new Date().toISOString(),
        },
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      await eventually('the event handled', () =>
        lines.some((line) => line.msg === 'event handled' && line.messageId === id),
      );
      const handled = lines.find((line) => line.msg === 'event handled');
      expect(handled).toMatchObject({ trace_id: traceId, outcome: 'notified' });
    } finally {
      await h.close();
    }
  });
});

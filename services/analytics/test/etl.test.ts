import type { ClientEventV1 } from '@cinesync/contracts';
import { type Bus, type Delivery, DLQ_ID_HEADER, dlqSubject } from '@cinesync/kit/bus';
import { createLogger } from '@cinesync/kit/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AnalyticsRepository,
  DLQ_EVENT_ID_HEADER,
  DLQ_EVENT_INDEX_HEADER,
  type Etl,
  type EventRow,
  startEtl,
} from '../src/index.js';
import {
  busEngines,
  eventually,
  storeEngines,
  type TestBus,
  type TestStore,
} from './support/engines.js';
import { acceptedMessage, clientEvent } from './support/events.js';

const logger = createLogger({ service: 'analytics-test', level: 'silent' });

const views = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    clientEvent('page_view', { page: `/p/${i % 7}`, dwellMs: i, sessionId: `s${i % 13}` }),
  );

/** `count` page views, published as messages of `perMessage` events, like ingest requests. */
async function publishViews(bus: Bus, subject: string, count: number, perMessage = 10) {
  const events = views(count);
  const messages: ClientEventV1[][] = [];
  for (let i = 0; i < events.length; i += perMessage) {
    messages.push(events.slice(i, i + perMessage));
  }
  await Promise.all(messages.map((batch) => bus.publish(acceptedMessage(subject, batch))));
  return events;
}

for (const busEngine of busEngines()) {
  for (const storeEngine of storeEngines()) {
    const skip = busEngine.skipReason ?? storeEngine.skipReason;
    describe.skipIf(skip)(`etl: ${busEngine.title} → ${storeEngine.title}`, () => {
      let testBus: TestBus;
      let bus: Bus;
      let store: TestStore;
      let etls: Etl[];
      let extraBuses: Bus[];

      beforeEach(async () => {
        testBus = await busEngine.open();
        bus = testBus.bus;
        store = await storeEngine.open();
        etls = [];
        extraBuses = [];
      });
      afterEach(async () => {
        for (const etl of etls) await etl.stop();
        for (const other of extraBuses) await other.close();
        await bus?.close();
        await store?.close();
        await testBus?.cleanup();
      });

      const start = (
        repository: AnalyticsRepository,
        options: Partial<Parameters<typeof startEtl>[0]> = {},
      ) => {
        const etl = startEtl({
          bus,
          repository,
          logger,
          maxBatch: 1000,
          maxWaitMs: 100,
          maxAttempts: 3,
          backoffMs: [20],
          reconnectDelaysMs: [20],
          subject: testBus.subject,
          durable: testBus.durable,
          ...options,
        });
        etls.push(etl);
        return etl;
      };

      const deadLetters = () => {
        const dead: Delivery[] = [];
        const sub = bus.subscribe(
          { durable: testBus.dlqReader, subjects: [dlqSubject(testBus.durable)] },
          async (m) => {
            dead.push(m);
          },
        );
        etls.push(sub);
        return dead;
      };

      const countingInserts = (inserts: number[]): AnalyticsRepository => ({
        ...store.repository,
        insertEvents: async (rows) => {
          inserts.push(rows.length);
          await store.repository.insertEvents(rows);
        },
      });

      it('inserts the events of many messages as one batch: thousands of rows per insert, not one', async () => {
        const inserts: number[] = [];
        start(countingInserts(inserts), { maxBatch: 300, maxWaitMs: 60_000 });
        await publishViews(bus, testBus.subject, 300);
        await eventually(
          '300 events stored',
          async () => (await store.repository.counts()).events === 300,
        );
        expect(inserts).toEqual([300]);
      });

      it('counts rows, not messages, when it cuts batches', async () => {
        const inserts: number[] = [];
        start(countingInserts(inserts), { maxBatch: 100, maxWaitMs: 60_000 });
        await publishViews(bus, testBus.subject, 300, 20);
        await eventually(
          '300 events stored',
          async () => (await store.repository.counts()).events === 300,
        );
        expect(inserts).toEqual([100, 100, 100]);
      });

      it('inserts at once when every message it may hold waits in the batch', async () => {
        const inserts: number[] = [];
        start(countingInserts(inserts), { maxBatch: 1000, maxWaitMs: 60_000, maxMessages: 5 });
        await publishViews(bus, testBus.subject, 100, 10);
        await eventually(
          '100 events stored',
          async () => (await store.repository.counts()).events === 100,
        );
        expect(inserts).toEqual([50, 50]);
      });

      it('counts each event once when the consumer fails between insert and ack', async () => {
        let crashed = 0;
        let insertedRows = 0;
        start({
          ...store.repository,
          insertEvents: async (rows) => {
            await store.repository.insertEvents(rows);
            insertedRows += rows.length;
            if (crashed === 0) {
              crashed = rows.length;
              throw new Error('crashed after the insert, before the ack');
            }
          },
        });
        const events = await publishViews(bus, testBus.subject, 50);
        // Every row of the failed insert comes again, as its messages are redelivered.
        await eventually(
          'redelivery re-inserted the batch',
          async () =>
            crashed > 0 &&
            insertedRows >= 50 + crashed &&
            (await store.repository.counts()).events === 50,
        );
        expect(insertedRows).toBe(50 + crashed);
        // Not the raw row count: a background merge may already have collapsed the repeats.
        expect((await store.repository.counts()).events).toBe(50);
        const pages = await store.repository.dwellByPage({
          from: new Date(Date.now() - 3_600_000),
          to: new Date(Date.now() + 60_000),
          limit: 10,
        });
        expect(pages.reduce((n, p) => n + p.views, 0)).toBe(events.length);
      });

      it('loses and doubles nothing when the process dies after inserting and a new one takes over', async () => {
        let inserted = 0;
        const dying = start(
          {
            ...store.repository,
            insertEvents: async (rows) => {
              await store.repository.insertEvents(rows);
              inserted++;
              throw new Error('the process dies before acking');
            },
          },
          // No retry inside the dying process: the next delivery is the new process's.
          { backoffMs: [60_000], maxAttempts: 5 },
        );
        await publishViews(bus, testBus.subject, 40);
        await eventually('the first consumer inserted', () => inserted > 0);
        await dying.stop();
        await bus.close();

        bus = await testBus.reopen();
        start(store.repository);
        await eventually('the new process stored the events', async () => {
          const counts = await store.repository.counts();
          // More rows than events: what the dead process inserted was inserted again.
          return counts.events === 40 && counts.rows > 40;
        });
        expect((await store.repository.counts()).events).toBe(40);
      });

      it('dead-letters a message that is not an accepted batch, and stores its neighbours', async () => {
        const dead = deadLetters();
        start(store.repository);
        await bus.publish({
          subject: testBus.subject,
          id: 'poison-1',
          key: 's0',
          payload: { version: 1, event: { type: 'page_view' } },
        });
        await publishViews(bus, testBus.subject, 20);
        await eventually(
          'neighbours stored',
          async () => (await store.repository.counts()).events === 20,
        );
        await eventually('poison dead-lettered', () => dead.length === 1);
        expect(dead[0]?.headers[DLQ_ID_HEADER]).toBe('poison-1');
        expect(dead[0]?.payload).toEqual({ version: 1, event: { type: 'page_view' } });
      });

      it('dead-letters just the invalid event of a message and stores the rest of it', async () => {
        const dead = deadLetters();
        start(store.repository);
        const events = views(5);
        const message = acceptedMessage(testBus.subject, events);
        const broken = { ...events[2], id: events[2]?.id, dwellMs: 'long' };
        const payload = {
          ...message.payload,
          events: message.payload.events.map((event, i) => (i === 2 ? broken : event)),
        };
        await bus.publish({ ...message, payload });
        await eventually(
          'the valid four stored',
          async () => (await store.repository.counts()).events === 4,
        );
        await eventually('the invalid one dead-lettered', () => dead.length === 1);
        const letter = dead[0];
        expect(letter?.headers[DLQ_ID_HEADER]).toBe(message.id);
        expect(letter?.headers[DLQ_EVENT_INDEX_HEADER]).toBe('2');
        expect(letter?.headers[DLQ_EVENT_ID_HEADER]).toBe(broken.id);
        // A message of its own, in the same format, so it can be fixed and published again.
        expect(letter?.payload).toEqual({ ...payload, events: [broken] });
      });

      it('dead-letters only the event the engine keeps refusing, and stores its message and neighbours', async () => {
        const dead = deadLetters();
        let refused = '';
        start({
          ...store.repository,
          insertEvents: async (rows: readonly EventRow[]) => {
            if (rows.some((row) => row.event_id === refused)) throw new Error('Cannot parse input');
            await store.repository.insertEvents(rows);
          },
        });
        const events = views(30);
        refused = events[14]?.id ?? '';
        // Three messages: the refused event sits in the middle of the second.
        for (let i = 0; i < 30; i += 10) {
          await bus.publish(acceptedMessage(testBus.subject, events.slice(i, i + 10)));
        }
        await eventually('the refused event dead-lettered', () => dead.length === 1);
        await eventually(
          'the others stored',
          async () => (await store.repository.counts()).events === 29,
        );
        expect(dead[0]?.headers[DLQ_EVENT_ID_HEADER]).toBe(refused);
        expect(dead[0]?.headers[DLQ_ID_HEADER]).toBe(
          acceptedMessage(testBus.subject, events.slice(10, 20)).id,
        );
      });

      it('holds batches while the store is unreachable instead of dead-lettering them', async () => {
        const dead = deadLetters();
        let down = true;
        let failedTries = 0;
        const unreachable = () => {
          failedTries++;
          return Promise.reject(new Error('connect ECONNREFUSED'));
        };
        start(
          {
            ...store.repository,
            insertEvents: (rows) => (down ? unreachable() : store.repository.insertEvents(rows)),
            ping: () => (down ? unreachable() : store.repository.ping()),
          },
          { maxAttempts: 1 },
        );
        await publishViews(bus, testBus.subject, 30);
        await eventually('several failed tries', () => failedTries >= 5);
        down = false;
        await eventually(
          'stored after recovery',
          async () => (await store.repository.counts()).events === 30,
        );
        expect(dead).toEqual([]);
      });
    });
  }
}

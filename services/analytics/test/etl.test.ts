import { type Bus, type Delivery, DLQ_ID_HEADER, dlqSubject } from '@cinesync/kit/bus';
import { createLogger } from '@cinesync/kit/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnalyticsRepository, type Etl, type EventRow, startEtl } from '../src/index.js';
import {
  busEngines,
  eventually,
  storeEngines,
  type TestBus,
  type TestStore,
} from './support/engines.js';
import { clientEvent, recorded } from './support/events.js';

const logger = createLogger({ service: 'analytics-test', level: 'silent' });

function publishViews(bus: Bus, subject: string, count: number) {
  const events = Array.from({ length: count }, (_, i) =>
    recorded(
      clientEvent('page_view', { page: `/p/${i % 7}`, dwellMs: i, sessionId: `s${i % 13}` }),
    ),
  );
  return Promise.all(
    events.map((payload) =>
      bus.publish({
        subject,
        id: payload.event.id,
        key: payload.event.sessionId,
        payload,
      }),
    ),
  ).then(() => events);
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

      it('inserts a burst as one batch: thousands of rows per insert, not one', async () => {
        const inserts: number[] = [];
        start(
          {
            ...store.repository,
            insertEvents: async (rows) => {
              inserts.push(rows.length);
              await store.repository.insertEvents(rows);
            },
          },
          { maxBatch: 300, maxWaitMs: 60_000 },
        );
        await publishViews(bus, testBus.subject, 300);
        await eventually(
          '300 events stored',
          async () => (await store.repository.counts()).events === 300,
        );
        expect(inserts).toEqual([300]);
      });

      it('counts each event once when the consumer fails between insert and ack', async () => {
        let crashes = 0;
        start({
          ...store.repository,
          insertEvents: async (rows) => {
            await store.repository.insertEvents(rows);
            if (crashes++ === 0) throw new Error('crashed after the insert, before the ack');
          },
        });
        const events = await publishViews(bus, testBus.subject, 50);
        await eventually(
          'redelivery re-inserted the batch',
          async () => (await store.repository.counts()).rows >= 100,
        );
        expect(await store.repository.counts()).toEqual({ rows: 100, events: 50 });
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

      it('dead-letters a payload that is not an event, and stores its batch neighbours', async () => {
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
      });

      it('dead-letters only the event the engine keeps refusing', async () => {
        const dead = deadLetters();
        let refused = '';
        start({
          ...store.repository,
          insertEvents: async (rows: readonly EventRow[]) => {
            if (rows.some((row) => row.event_id === refused)) throw new Error('Cannot parse input');
            await store.repository.insertEvents(rows);
          },
        });
        const events = await (async () => {
          const list = Array.from({ length: 10 }, (_, i) =>
            recorded(clientEvent('page_view', { page: '/x', dwellMs: i })),
          );
          refused = list[4]?.event.id ?? '';
          for (const payload of list) {
            await bus.publish({
              subject: testBus.subject,
              id: payload.event.id,
              key: 'k',
              payload,
            });
          }
          return list;
        })();
        await eventually('the refused event dead-lettered', () => dead.length === 1);
        await eventually(
          'the others stored',
          async () => (await store.repository.counts()).events === 9,
        );
        expect(dead[0]?.headers[DLQ_ID_HEADER]).toBe(events[4]?.event.id);
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

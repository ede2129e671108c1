import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Db } from '@cinesync/kit/db';
import { createLogger } from '@cinesync/kit/log';
import { uuidv7 } from '@cinesync/kit/outbox';
import { dbEngines } from '@cinesync/kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onOrderStatusChanged, onUserRegistered } from '../src/ingest.js';
import { createLogMailer, createSmtpMailer, type Mailer, messageIdOf } from '../src/mailer.js';
import { claimDue } from '../src/repository/index.js';
import { MailSender, type SenderOptions } from '../src/sender.js';
import { eventually } from './support/engines.js';
import { logger, openDatabase, PUBLIC_URL, truncate } from './support/harness.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

const options = { publicUrl: PUBLIC_URL };

for (const engine of dbEngines()) {
  describe.skipIf(engine.skipReason)(`mail sender: ${engine.title}`, () => {
    let db: Db;
    let smtp: TestSmtp;
    let mailer: Mailer;
    const senders: MailSender[] = [];

    const startSender = (overrides: Partial<SenderOptions> = {}) => {
      const sender = new MailSender({
        db,
        mailer,
        log: logger,
        retryDelayMs: 20,
        intervalMs: 50,
        ...overrides,
      });
      senders.push(sender);
      sender.start();
      return sender;
    };

    /** A registered user with their welcome mail queued. */
    const register = async (email = `u${randomUUID().slice(0, 8)}@example.org`) => {
      const userId = randomUUID();
      const event = {
        version: 1 as const,
        userId,
        email,
        displayName: 'Ann',
        occurredAt: new Date().toISOString(),
      };
      await db.transaction((tx) => onUserRegistered(tx, event, uuidv7(), options));
      return { userId, email };
    };

    const queueOrderMail = (userId: string, status: string) =>
      db.transaction((tx) =>
        onOrderStatusChanged(
          tx,
          {
            orderId: randomUUID(),
            userId,
            status,
            previousStatus: 'new',
            items: [],
            occurredAt: new Date().toISOString(),
          },
          uuidv7(),
          options,
        ),
      );

    const deliveries = async () =>
      (
        await db.query<{ status: string; attempts: number; last_error: string | null }>(
          'SELECT status, attempts, last_error FROM deliveries ORDER BY seq',
        )
      ).rows;

    beforeAll(async () => {
      db = await openDatabase(engine);
    });
    afterAll(async () => {
      await db?.close();
    });
    beforeEach(async () => {
      await truncate(db);
      smtp = await startSmtp();
      mailer = createSmtpMailer({ url: smtp.url, from: 'CineSync <no-reply@cinesync.test>' });
    });
    afterEach(async () => {
      for (const sender of senders.splice(0)) await sender.stop();
      await mailer.close();
      await smtp.close();
    });

    it('retries a mail the server refused for now, and sends it once', async () => {
      smtp.refuseNext(1, 451);
      await register();
      startSender();
      await eventually('the mail', async () => (await deliveries())[0]?.status === 'sent');
      expect(smtp.mails).toHaveLength(1);
      expect(await deliveries()).toMatchObject([{ status: 'sent', attempts: 2 }]);
    });

    it('gives up at once on a permanent refusal, and the user’s next mail still goes out', async () => {
      smtp.refuseNext(1, 550);
      const user = await register();
      await queueOrderMail(user.userId, 'paid');
      startSender();
      await eventually('both handled', async () =>
        (await deliveries()).every((d) => d.status === 'sent' || d.status === 'failed'),
      );
      const [welcome, receipt] = await deliveries();
      expect(welcome).toMatchObject({ status: 'failed', attempts: 1 });
      expect(welcome?.last_error).toMatch(/550/);
      expect(receipt).toMatchObject({ status: 'sent', attempts: 1 });
      expect(smtp.mails.map((mail) => mail.subject)).toEqual([
        expect.stringMatching(/^Your receipt for order/),
      ]);
    });

    it('sends a mail claimed by a sender that died once its lease ran out, exactly once', async () => {
      await register();
      // A sender claimed it and crashed before sending.
      const [claimed] = await claimDue(db, { limit: 10, leaseMs: 300 });
      expect(claimed).toBeDefined();
      startSender();
      await eventually('the mail', () => smtp.mails.length === 1);
      await eventually('marked sent', async () => (await deliveries())[0]?.status === 'sent');
      expect(smtp.mails).toHaveLength(1);
      expect(await deliveries()).toMatchObject([{ status: 'sent', attempts: 2 }]);
    });

    it('may send twice when it dies after the server accepted the mail, with the same Message-ID', async () => {
      let crashes = 1;
      const crashing: Mailer = {
        outcome: 'sent',
        async send(mail) {
          const result = await mailer.send(mail);
          if (crashes-- > 0) throw new Error('died before marking the delivery sent');
          return result;
        },
        close: () => mailer.close(),
      };
      await register();
      startSender({ mailer: crashing });
      await eventually('marked sent', async () => (await deliveries())[0]?.status === 'sent');
      expect(smtp.mails).toHaveLength(2);
      const [id] = (await db.query<{ id: string }>('SELECT id FROM deliveries')).rows;
      expect(smtp.mails.map((mail) => mail.messageId)).toEqual([
        messageIdOf(id?.id ?? ''),
        messageIdOf(id?.id ?? ''),
      ]);
    });

    it('keeps one user’s mails in order with two senders at work', async () => {
      const user = await register();
      const statuses = ['awaiting_payment', 'paid', 'cancelled', 'failed', 'awaiting_payment'];
      for (const status of statuses) await queueOrderMail(user.userId, status);
      await register();
      startSender({ batchSize: 2 });
      startSender({ batchSize: 2 });
      await eventually('all mails', () => smtp.mails.length === 7);
      const mine = smtp.mails.filter((mail) => mail.to.includes(user.email)).map((m) => m.subject);
      const expected = [
        /^Welcome/,
        /^Please pay/,
        /^Your receipt/,
        /was cancelled$/,
        /could not be completed$/,
        /^Please pay/,
      ];
      expect(mine).toHaveLength(expected.length);
      mine.forEach((subject, i) => {
        expect(subject).toMatch(expected[i] ?? /^$/);
      });
    });

    it('gives up on mails that waited too long for an address, and prunes old rows', async () => {
      await queueOrderMail(randomUUID(), 'paid');
      const sent = await register();
      await db.query(
        "UPDATE deliveries SET status = 'sent', created_at = now() - interval '40 days' WHERE user_id = $1",
        [sent.userId],
      );
      await db.query(
        "UPDATE deliveries SET created_at = now() - interval '2 days' WHERE status = 'waiting'",
      );
      await db.query(
        "INSERT INTO inbox (consumer, message_id, processed_at) VALUES ('x', 'old', now() - interval '8 days'), ('x', 'new', now())",
      );
      startSender({ addressWaitMs: 86_400_000 });
      await eventually('the waiting mail given up', async () =>
        (await deliveries()).some((d) => d.status === 'failed'),
      );
      await eventually('the old sent mail pruned', async () => (await deliveries()).length === 1);
      expect(await deliveries()).toMatchObject([
        { status: 'failed', last_error: expect.stringMatching(/no address/) },
      ]);
      // The inbox is pruned in the same round but after the deliveries: wait for it too.
      const inboxIds = async () =>
        (await db.query<{ message_id: string }>('SELECT message_id FROM inbox')).rows;
      await eventually('the old inbox row pruned', async () => (await inboxIds()).length === 1);
      expect(await inboxIds()).toEqual([{ message_id: 'new' }]);
    });

    it('writes mail to the log without SMTP: recipient domain and subject only', async () => {
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logged = createLogMailer(createLogger({ service: 'test', destination }));
      await register('private.person@example.org');
      startSender({ mailer: logged });
      await eventually('marked logged', async () => (await deliveries())[0]?.status === 'logged');
      const line = JSON.parse(lines.find((l) => l.includes('not sent')) ?? '{}');
      expect(line).toMatchObject({ toDomain: 'example.org', subject: 'Welcome to CineSync, Ann!' });
      expect(lines.join('')).not.toContain('private.person');
      expect(smtp.mails).toHaveLength(0);
    });
  });
}

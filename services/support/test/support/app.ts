import { randomBytes } from 'node:crypto';
import { parseEvent, type TicketUpdatedV1, ticketUpdated } from '@cinesync/contracts';
import { createAuth } from '@cinesync/kit/auth';
import { type Db, migrate } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { openLimiter } from '@cinesync/kit/limiter';
import { createLogger } from '@cinesync/kit/log';
import { outboxMigrations } from '@cinesync/kit/outbox';
import type { TestDbEngine } from '@cinesync/kit/testing';
import { buildApp } from '../../src/app.js';
import { AUDIENCE, ISSUER, startIssuer, type TestIssuer } from './auth.js';

export const MIGRATIONS = new URL('../../migrations/', import.meta.url);

export interface TestApp {
  app: Server;
  db: Db;
  issuer: TestIssuer;
  /** The support.ticket.updated events in the outbox, in commit order, checked against the contract. */
  events(ticketId?: string): Promise<(TicketUpdatedV1 & { key: string })[]>;
  close(): Promise<void>;
}

/** The app as index.ts builds it, on a fresh database of `engine`, with a local JWKS. */
export async function openApp(
  engine: TestDbEngine,
  options: { writeBurst?: number } = {},
): Promise<TestApp> {
  const db = await engine.open();
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
  const issuer = await startIssuer();
  const writes = openLimiter({
    url: process.env.REDIS_URL,
    prefix: `support-test-${randomBytes(4).toString('hex')}:`,
    capacity: options.writeBurst ?? 1000,
    refillPerSec: 0.001,
  });
  const app = await buildApp({
    db,
    auth: createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE }),
    logger: createLogger({ service: 'support-test', level: 'silent' }),
    config: { SUPPORT_MAX_MESSAGES: 5 },
    writes,
  });
  return {
    app,
    db,
    issuer,
    async events(ticketId) {
      const { rows } = await db.query<{ key: string; payload: unknown }>(
        `SELECT key, payload FROM outbox WHERE subject = $1 AND ($2::text IS NULL OR key = $2)
         ORDER BY seq`,
        [ticketUpdated.subject, ticketId ?? null],
      );
      return rows.map((row) => ({ ...parseEvent(ticketUpdated, row.payload), key: row.key }));
    },
    async close() {
      await app.close();
      await writes.close();
      await issuer.close();
      await db.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { createAuth } from '@cinesync/kit/auth';
import { type Db, migrate } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { type Limiter, openLimiter } from '@cinesync/kit/limiter';
import type { Logger } from '@cinesync/kit/log';
import { outboxMigrations } from '@cinesync/kit/outbox';
import type { TestDbEngine } from '@cinesync/kit/testing';
import { type AppDeps, buildApp } from '../../src/app.js';
import type { Provider } from '../../src/providers/provider.js';
import { AUDIENCE, ISSUER, startIssuer, type TestIssuer } from './auth.js';

export const MIGRATIONS = new URL('../../migrations/', import.meta.url);

export const TEST_CONFIG: AppDeps['config'] = {
  ASSISTANT_MAX_MESSAGE_CHARS: 4000,
  ASSISTANT_SESSION_MAX_MESSAGES: 100,
  ASSISTANT_SESSION_MAX_TOKENS: 50_000,
  ASSISTANT_CONTEXT_TOKENS: 3000,
  ASSISTANT_ANSWER_TIMEOUT: 10_000,
};

export interface TestApp {
  app: Server;
  db: Db;
  issuer: TestIssuer;
  close(): Promise<void>;
}

export async function migrated(engine: TestDbEngine): Promise<Db> {
  const db = await engine.open();
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
  return db;
}

/** A limiter on Redis when REDIS_URL is set (fresh prefix), else in memory. */
export function testLimiter(capacity = 1000): Limiter {
  return openLimiter({
    url: process.env.REDIS_URL,
    prefix: `assistant-test-${randomBytes(4).toString('hex')}:`,
    capacity,
    refillPerSec: 0.001,
  });
}

/** The assistant app as index.ts builds it, on `db`, answering with `provider`. */
export async function openApp(
  db: Db,
  provider: Provider,
  logger: Logger,
  options: {
    config?: Partial<AppDeps['config']>;
    limiter?: Limiter;
    shutdownGraceMs?: number;
  } = {},
): Promise<TestApp> {
  const issuer = await startIssuer();
  const limiter = options.limiter ?? testLimiter();
  const app = await buildApp({
    db,
    auth: createAuth({ jwksUrl: issuer.jwksUrl, issuer: ISSUER, audience: AUDIENCE }),
    logger,
    provider,
    limiter,
    config: { ...TEST_CONFIG, ...options.config },
    shutdownGraceMs: options.shutdownGraceMs,
  });
  return {
    app,
    db,
    issuer,
    async close() {
      await app.close();
      await limiter.close();
      await issuer.close();
    },
  };
}

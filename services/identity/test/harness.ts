import { randomBytes } from 'node:crypto';
import { type Env, loadConfig } from '@cinesync/kit/config';
import { type Db, migrate } from '@cinesync/kit/db';
import type { Server } from '@cinesync/kit/http';
import { openLimiter } from '@cinesync/kit/limiter';
import { createLogger } from '@cinesync/kit/log';
import { outboxMigrations } from '@cinesync/kit/outbox';
import { buildApp } from '../src/app.js';
import { type IdentityConfig, identityConfig } from '../src/config.js';
import { bucketSpecs, openThrottleLimiters, type ThrottleLimiters } from '../src/login-throttle.js';

export const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** Real time plus whatever the test has skipped ahead. */
export class TestClock {
  private offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface Identity {
  server: Server;
  config: IdentityConfig;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * The identity app on `db` as index.ts builds it, with limiters on Redis when REDIS_URL is set
 * (a fresh prefix per app, so suites never share buckets) and in memory otherwise.
 */
export async function startIdentity(
  db: Db,
  env: Env = {},
  options: { clock?: TestClock; notifyOutbox?: () => void } = {},
): Promise<Identity> {
  await migrate(db, { dir: MIGRATIONS, sets: [outboxMigrations] });
  const config = loadConfig(identityConfig, env);
  const prefix = `identity-test-${randomBytes(4).toString('hex')}`;
  const opened: { close(): Promise<void> }[] = [];
  const limiters: ThrottleLimiters = await openThrottleLimiters(
    bucketSpecs(config),
    async (spec) => {
      const limiter = openLimiter({
        ...spec,
        url: process.env.REDIS_URL,
        prefix: `${prefix}:${spec.prefix}`,
      });
      opened.push(limiter);
      return limiter;
    },
  );
  const clock = options.clock ?? new TestClock();
  const server = await buildApp({
    db,
    config,
    logger: createLogger({ service: 'identity', level: 'silent' }),
    limiters,
    clock: clock.now,
    ...(options.notifyOutbox ? { notifyOutbox: options.notifyOutbox } : {}),
  });
  return {
    server,
    config,
    clock,
    async close() {
      await server.close();
      await Promise.all(opened.map((limiter) => limiter.close()));
    },
  };
}

let counter = 0;
/** A fresh address per call, so tests never collide on the unique email. */
export function uniqueEmail(name = 'user'): string {
  counter += 1;
  return `${name}.${counter}.${randomBytes(3).toString('hex')}@example.com`;
}

export const GOOD_PASSWORD = 'correct horse battery staple';

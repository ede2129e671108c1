import { createAuth } from '@cinesync/kit/auth';
import type { Bus } from '@cinesync/kit/bus';
import type { Server } from '@cinesync/kit/http';
import { MemoryLimiter } from '@cinesync/kit/limiter';
import { createLogger } from '@cinesync/kit/log';
import { buildApp } from '../../src/index.js';
import type { AnalyticsRepository } from '../../src/repository/index.js';
import { AUDIENCE, ISSUER } from './auth.js';

export const testLimits = { maxBatch: 50, maxEventBytes: 2048, maxBodyBytes: 64 * 1024 };

export function testApp(options: {
  bus: Bus;
  repository: AnalyticsRepository;
  jwksUrl: string;
  subject?: string;
  limiter?: MemoryLimiter;
}): Promise<Server> {
  return buildApp({
    logger: createLogger({
      service: 'analytics-test',
      level: (process.env.TEST_LOG_LEVEL as 'warn') ?? 'silent',
    }),
    bus: options.bus,
    repository: options.repository,
    auth: createAuth({ jwksUrl: options.jwksUrl, issuer: ISSUER, audience: AUDIENCE }),
    limiter: options.limiter ?? new MemoryLimiter({ capacity: 1000, refillPerSec: 1000 }),
    limits: testLimits,
    subject: options.subject,
  });
}

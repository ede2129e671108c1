import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bus, createMemoryBus } from '@cinesync/kit/bus';
import { ConfigError } from '@cinesync/kit/config';
import { type StartedService, startService } from '@cinesync/kit/service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/index.js';
import { startIssuer, type TestIssuer } from './support/auth.js';
import { eventually } from './support/engines.js';
import { logger } from './support/harness.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

describe('the notifications service as the launcher starts it (PGlite, shared in-process bus)', () => {
  let dataDir: string;
  let bus: Bus;
  let smtp: TestSmtp;
  let issuer: TestIssuer;
  let started: StartedService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'notifications-service-'));
    bus = createMemoryBus();
    smtp = await startSmtp();
    issuer = await startIssuer();
    started = await startService(service, {
      env: {
        DATA_DIR: dataDir,
        JWKS_URL: issuer.jwksUrl,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'CineSync Test <hello@cinesync.test>',
        PUBLIC_URL: 'http://cinesync.test',
      },
      shared: { bus },
      host: '127.0.0.1',
      port: 0,
      logger,
    });
  });
  afterAll(async () => {
    await started?.close();
    await bus?.close();
    await smtp?.close();
    await issuer?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy and ready', async () => {
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
  });

  it('turns a registration on the bus into a welcome e-mail and a feed entry', async () => {
    const userId = randomUUID();
    await bus.publish({
      subject: 'identity.user.registered',
      id: randomUUID(),
      key: userId,
      payload: {
        version: 1,
        userId,
        email: 'new.user@example.org',
        displayName: 'New User',
        occurredAt: new Date().toISOString(),
      },
    });
    await eventually('the welcome mail', () => smtp.mails.length === 1);
    expect(smtp.mails[0]?.raw).toContain('From: CineSync Test <hello@cinesync.test>');
    expect(smtp.mails[0]?.raw).toContain('http://cinesync.test/');
    const feed = await fetch(`${started.url}/api/v1/notifications`, {
      headers: await issuer.headers(userId),
    });
    const body = (await feed.json()) as { items: unknown[] };
    expect(body.items).toMatchObject([{ type: 'welcome', title: 'Welcome to CineSync' }]);
  });

  it('documents its routes in OpenAPI', async () => {
    const doc = (await (await fetch(`${started.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/notifications',
        '/api/v1/notifications/{id}/read',
        '/api/v1/notifications/read-all',
        '/api/v1/notifications/stream',
        '/api/v1/notifications/preferences',
      ]),
    );
  });

  it('refuses to start without JWKS_URL, naming it', async () => {
    const attempt = startService(service, { env: { DATA_DIR: dataDir }, port: 0, logger });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/JWKS_URL/);
  });
});

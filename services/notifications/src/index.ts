import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { notificationsConfig } from './config.js';
import { createLogMailer, createSmtpMailer } from './mailer.js';
import { startRuntime } from './runtime.js';

export { type AppDeps, buildApp } from './app.js';
export { notificationsConfig } from './config.js';
export { defaultSubjects, type Subjects } from './events.js';
export { LiveFeed } from './live.js';
export { createLogMailer, createSmtpMailer, type Mail, type Mailer } from './mailer.js';
export { type Runtime, type RuntimeOptions, startRuntime } from './runtime.js';
export { MailSender } from './sender.js';

export const service = defineService({
  name: 'notifications',
  defaultPort: 8088,
  config: notificationsConfig,
  async build(ctx) {
    const { config, logger } = ctx;
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const bus = await ctx.bus();
    const mailer = config.SMTP_URL
      ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM })
      : createLogMailer(logger);
    if (!config.SMTP_URL) logger.warn('SMTP_URL is not set: e-mails are logged, not sent');
    ctx.onClose('mailer', () => mailer.close());
    const runtime = startRuntime({
      db,
      bus,
      mailer,
      logger,
      publicUrl: config.PUBLIC_URL,
      durable: config.CONSUMER_NAME,
      sender: {
        maxAttempts: config.MAIL_MAX_ATTEMPTS,
        retryDelayMs: config.MAIL_RETRY_DELAY,
        addressWaitMs: config.MAIL_ADDRESS_WAIT,
      },
      livePollMs: config.STREAM_POLL_INTERVAL,
    });
    ctx.onClose('consumer, sender and live feed', () => runtime.stop());
    const auth = authFromConfig(config);
    return buildApp({
      db,
      auth,
      live: runtime.live,
      logger,
      heartbeatMs: config.STREAM_HEARTBEAT,
      version: ctx.version,
      ready: { bus: () => bus.ping() },
    });
  },
});

import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { supportConfig } from './config.js';

export { type AppDeps, buildApp } from './app.js';
export { type SupportConfig, supportConfig } from './config.js';
export { canMove, movesFrom, statusAfterMessage } from './state-machine.js';

const HOUR_SEC = 3600;

/** Support tickets: users open them and talk to agents; agents (admins) assign and resolve them. */
export const service = defineService({
  name: 'support',
  defaultPort: 8089,
  config: supportConfig,
  async build(ctx) {
    const { config, logger } = ctx;
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const bus = await ctx.bus();
    const relay = await ctx.outboxRelay(db);
    const writes = await ctx.limiter({
      prefix: 'writes',
      capacity: config.SUPPORT_WRITE_BURST,
      refillPerSec: config.SUPPORT_WRITES_PER_HOUR / HOUR_SEC,
    });
    const auth = authFromConfig(config);
    return buildApp({
      db,
      auth,
      logger,
      config,
      writes,
      published: () => relay.notify(),
      version: ctx.version,
      ready: { bus: () => bus.ping() },
    });
  },
});

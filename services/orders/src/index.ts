import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { ordersSchema } from './config.js';
import { Orders } from './orders.js';
import { startPaymentTimeout } from './payment-timeout.js';
import { seedStocks } from './seed.js';

export { buildApp, type OrdersDeps } from './app.js';
export { InsufficientStockError, Orders } from './orders.js';

export const service = defineService({
  name: 'orders',
  defaultPort: 8087,
  config: ordersSchema,
  async build(ctx) {
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const added = await seedStocks(db);
    if (added > 0) ctx.logger.info({ added }, 'demo stock seeded');

    const relay = await ctx.outboxRelay(db);

    const orders = new Orders({ db, onEvents: () => relay.notify() });
    const paymentTimeout = startPaymentTimeout({
      orders,
      timeoutMs: ctx.config.ORDER_PAYMENT_TIMEOUT,
      intervalMs: ctx.config.ORDER_PAYMENT_SWEEP_INTERVAL,
      log: ctx.logger,
    });
    ctx.onClose('payment timeout', () => paymentTimeout.stop());

    const auth = authFromConfig(ctx.config);
    return buildApp({ db, orders, auth, logger: ctx.logger, version: ctx.version });
  },
});

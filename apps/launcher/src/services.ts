import { service as analytics } from '@cinesync/analytics';
import { service as assistant } from '@cinesync/assistant';
import { service as cart } from '@cinesync/cart';
import { service as catalog } from '@cinesync/catalog';
import { service as engagement } from '@cinesync/engagement';
import { service as gateway } from '@cinesync/gateway';
import { service as identity } from '@cinesync/identity';
import type { Schema } from '@cinesync/kit/config';
import type { ServiceDefinition } from '@cinesync/kit/service';
import { service as notifications } from '@cinesync/notifications';
import { service as orders } from '@cinesync/orders';
import { service as product } from '@cinesync/product';
import { service as support } from '@cinesync/support';

/**
 * Every backend the embedded platform runs, in start order: a service comes after the ones it
 * calls at start. Adding a service is one line here. The gateway is started last, separately.
 */
export const backends: readonly ServiceDefinition<Schema>[] = [
  identity,
  catalog,
  engagement,
  analytics,
  product,
  orders,
  cart,
  notifications,
  support,
  assistant,
];

export { gateway };

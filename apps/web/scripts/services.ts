import { service as analytics } from '@cinesync/analytics';
import { service as catalog } from '@cinesync/catalog';
import { service as engagement } from '@cinesync/engagement';
import { service as identity } from '@cinesync/identity';
import type { Schema } from '@cinesync/kit/config';
import type { ServiceDefinition } from '@cinesync/kit/service';
import { service as notifications } from '@cinesync/notifications';
import { service as product } from '@cinesync/product';

/**
 * Every service with a public API the web app calls, in start order (a service after the ones it
 * calls). Its own list rather than the launcher's, so the types cover every finished API even
 * before `npm start` runs it.
 */
export const apiServices: readonly ServiceDefinition<Schema>[] = [
  identity,
  catalog,
  engagement,
  analytics,
  product,
  notifications,
];

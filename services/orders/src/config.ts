import { authSchema } from '@cinesync/kit/auth';
import { duration } from '@cinesync/kit/config';

export const ordersSchema = {
  ...authSchema,
  /** Orders unpaid for longer than this are cancelled and their stock released. */
  ORDER_PAYMENT_TIMEOUT: duration('10m'),
  /** How often each replica looks for such orders. */
  ORDER_PAYMENT_SWEEP_INTERVAL: duration('30s'),
} as const;

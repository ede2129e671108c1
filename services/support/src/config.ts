import { authSchema } from '@cinesync/kit/auth';
import { type ConfigOf, int } from '@cinesync/kit/config';

/** The support service's own variables, parsed with the platform's (PORT, DATABASE_URL, NATS_URL, ...). */
export const supportConfig = {
  /** Identity's key set: every ticket belongs to a verified user. */
  ...authSchema,
  /** Tickets and messages a user may write at once (admins are not limited)... */
  SUPPORT_WRITE_BURST: int({ min: 1 }, 10),
  /** ...and per hour, sustained. */
  SUPPORT_WRITES_PER_HOUR: int({ min: 1 }, 30),
  /** Messages one ticket's thread may hold; past it, open a new ticket. */
  SUPPORT_MAX_MESSAGES: int({ min: 2, max: 10_000 }, 200),
} as const;

export type SupportConfig = ConfigOf<typeof supportConfig>;

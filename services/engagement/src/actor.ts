import type { Role } from '@cinesync/kit/auth';

/** The signed-in caller as the use cases see them. */
export interface Actor {
  id: string;
  role: Role;
  /** Shown as the author of reviews and comments; from the token at the time of writing. */
  name: string | null;
}

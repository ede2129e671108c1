import type { Db } from '@cinesync/kit/db';

/** What a writing use case needs: the database, and a nudge for the outbox relay after commit. */
export interface Writer {
  db: Db;
  /** Tells the relay that committed outbox rows are waiting, so events leave without a poll delay. */
  published(): void;
}

import type { Db } from '@cinesync/kit/db';

/**
 * The same database, calling `after` once each transaction has committed. The kit's `consume`
 * commits inside the bus handler and offers no hook of its own; this is how the consumer wakes the
 * mail sender and the live streams the moment a notification is visible to them.
 */
export function afterCommit(db: Db, after: () => void): Db {
  return {
    engine: db.engine,
    query: (sql, params) => db.query(sql, params),
    exec: (script) => db.exec(script),
    async transaction(fn) {
      const result = await db.transaction(fn);
      after();
      return result;
    },
    ping: () => db.ping(),
    close: () => db.close(),
  };
}

export { isUniqueViolation, pgErrorCode, SqlState, TransactionAbortedError } from './errors.js';
export { type MigrateOptions, migrate } from './migrate.js';
export {
  checksum,
  type Migration,
  MigrationError,
  type MigrationSet,
} from './migration-sources.js';
export { type OpenDbOptions, openDb } from './open.js';
export type { Db, DbEngine, Queryable, QueryResult, Row, Tx } from './types.js';

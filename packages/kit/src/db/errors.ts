/** SQLSTATE codes services map to HTTP statuses; the full list is in the Postgres manual, appendix A. */
export const SqlState = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  notNullViolation: '23502',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  inFailedTransaction: '25P02',
} as const;

const sqlStatePattern = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE of a database error, or undefined for anything else.
 * Both drivers put it on `.code`; the pattern check keeps Node's own codes (ECONNREFUSED) out.
 */
export function pgErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const { code } = err;
  return typeof code === 'string' && sqlStatePattern.test(code) ? code : undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  return pgErrorCode(err) === SqlState.uniqueViolation;
}

/** Thrown when COMMIT turned into ROLLBACK because a statement in the transaction had failed. */
export class TransactionAbortedError extends Error {
  readonly code = SqlState.inFailedTransaction;
  constructor() {
    super('Transaction was rolled back instead of committed: a statement in it failed');
    this.name = 'TransactionAbortedError';
  }
}

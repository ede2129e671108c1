/** Rows come back as plain objects keyed by column name. */
export type Row = Record<string, unknown>;

export interface QueryResult<R extends Row = Row> {
  rows: R[];
  /** Rows affected by INSERT/UPDATE/DELETE, or returned by SELECT. */
  rowCount: number;
}

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations, test fixtures). */
  exec(script: string): Promise<void>;
}

/** A handle valid only inside `transaction(fn)`; repositories take it as their first argument. */
export type Tx = Queryable;

export type DbEngine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: DbEngine;
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Cheap liveness check used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

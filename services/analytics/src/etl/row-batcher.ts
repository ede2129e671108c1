import type { EventRow } from '../repository/index.js';

export interface RowBatcherOptions {
  /** Insert once this many rows wait... */
  maxRows: number;
  /** ...or once the oldest has waited this long... */
  maxWaitMs: number;
  /**
   * ...or once this many messages wait: the bus hands over no more until some are acked, so
   * waiting longer would only add delay.
   */
  maxMessages: number;
  /** One insert at a time; rejects when the rows could not be inserted. */
  insert(rows: EventRow[]): Promise<void>;
}

interface Group {
  rows: EventRow[];
  messages: number;
  timer: NodeJS.Timeout | undefined;
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the rows of many bus messages into one insert. Each message's handler awaits the
 * insert that carried its rows, so its ack still comes only after its rows are stored; if that
 * insert fails, every message in it fails and the bus retries them.
 */
export class RowBatcher {
  private open: Group | undefined;
  private readonly sealed: Group[] = [];
  private draining = false;
  private closing = false;

  constructor(private readonly options: RowBatcherOptions) {}

  /** Resolves once `rows` are inserted; rejects if their insert failed. */
  add(rows: readonly EventRow[]): Promise<void> {
    const group = this.open ?? this.openGroup();
    for (const row of rows) group.rows.push(row);
    group.messages++;
    const full =
      group.rows.length >= this.options.maxRows || group.messages >= this.options.maxMessages;
    if (full || this.closing) this.seal(group);
    return group.done;
  }

  /** Inserts what waits now, and from here on every message at once: used when stopping. */
  close(): void {
    this.closing = true;
    if (this.open) this.seal(this.open);
  }

  private openGroup(): Group {
    let resolve = () => {};
    let reject: (error: unknown) => void = () => {};
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const group: Group = { rows: [], messages: 0, timer: undefined, done, resolve, reject };
    group.timer = setTimeout(() => this.seal(group), this.options.maxWaitMs);
    this.open = group;
    return group;
  }

  private seal(group: Group): void {
    if (this.open !== group) return;
    clearTimeout(group.timer);
    this.open = undefined;
    this.sealed.push(group);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let group = this.sealed.shift(); group; group = this.sealed.shift()) {
        try {
          await this.options.insert(group.rows);
          group.resolve();
        } catch (error) {
          group.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

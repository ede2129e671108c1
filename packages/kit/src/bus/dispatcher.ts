import { type BusLogger, backoffDelay, type RetryPolicy } from './defaults.js';
import type { Delivery } from './types.js';

/**
 * Per-key ordered, bounded, retrying delivery inside one process. Both buses feed it: the memory
 * bus from its stream, the JetStream bus from fetched batches.
 *
 * Order: only the head of a key's queue is ever handed out, and it stays the head until it is
 * acked or dead-lettered, so a later message of the same key can neither overtake nor run beside
 * it, even while it waits for a retry.
 */
export interface Entry<T> {
  readonly ref: T;
  readonly key: string;
  readonly order: number;
  readonly arrivedAt: number;
  failures: number;
  notBefore: number;
  inFlight: boolean;
}

export interface DispatcherHooks<T> {
  toDelivery(ref: T, attempt: number): Delivery;
  /** After the handler succeeded, or after the message was dead-lettered. */
  ack(ref: T): Promise<void>;
  deadLetter(ref: T, error: unknown, attempts: number): Promise<void>;
  /** An entry left the queue; the JetStream consumer uses this to fetch more. */
  onSettled?(): void;
}

export type DispatchMode =
  | { kind: 'single'; concurrency: number }
  | { kind: 'batch'; maxBatch: number; maxWaitMs: number };

/** How `subscribe` and `subscribeBatch` ask to be dispatched, the same on every bus. */
export function singleMode(concurrency: number | undefined, fallback: number): DispatchMode {
  return { kind: 'single', concurrency: concurrency ?? fallback };
}

export function batchMode(options: { maxBatch: number; maxWaitMs: number }): DispatchMode {
  return { kind: 'batch', maxBatch: Math.max(1, options.maxBatch), maxWaitMs: options.maxWaitMs };
}

/** Each delivery to the handler in turn: what a single-mode subscriber's runner does. */
export function oneByOne(handler: (delivery: Delivery) => Promise<void>): Runner {
  return async (deliveries) => {
    for (const delivery of deliveries) await handler(delivery);
  };
}

/** Runs the subscriber's handler; single mode always passes exactly one delivery. */
export type Runner = (deliveries: Delivery[]) => Promise<void>;

export interface Member {
  readonly run: Runner;
  readonly running: Set<Promise<void>>;
}

export class Dispatcher<T> {
  private readonly queues = new Map<string, Entry<T>[]>();
  private readonly members: Member[] = [];
  private nextMember = 0;
  private nextOrder = 0;
  private count = 0;
  private batchRunning = false;
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly mode: DispatchMode,
    private readonly policy: RetryPolicy,
    private readonly hooks: DispatcherHooks<T>,
    private readonly logger: BusLogger,
    private readonly label: string,
  ) {}

  /** Messages held: waiting, in flight or waiting for a retry. */
  get size(): number {
    return this.count;
  }

  /** `priorFailures`: deliveries the engine already made without an ack (JetStream redeliveries). */
  push(ref: T, key: string, priorFailures = 0): void {
    const now = Date.now();
    const entry: Entry<T> = {
      ref,
      key,
      order: this.nextOrder++,
      arrivedAt: now,
      failures: priorFailures,
      notBefore: now,
      inFlight: false,
    };
    const queue = this.queues.get(key);
    if (queue) queue.push(entry);
    else this.queues.set(key, [entry]);
    this.count++;
    this.schedule();
  }

  addMember(run: Runner): Member {
    const member: Member = { run, running: new Set() };
    this.members.push(member);
    this.schedule();
    return member;
  }

  /** Hands nothing more to the member and resolves once its running handlers finished. */
  async removeMember(member: Member): Promise<void> {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    if (this.members.length === 0) this.clearTimer();
    await Promise.allSettled([...member.running]);
  }

  /** Removes and returns every entry not in flight (used when a JetStream subscriber stops). */
  takeIdle(): T[] {
    const taken: T[] = [];
    for (const [key, queue] of this.queues) {
      const kept = queue.filter((entry) => entry.inFlight);
      for (const entry of queue) if (!entry.inFlight) taken.push(entry.ref);
      if (kept.length > 0) this.queues.set(key, kept);
      else this.queues.delete(key);
    }
    this.count -= taken.length;
    return taken;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.members.length === 0) return;
    const now = Date.now();
    const wake = this.mode.kind === 'single' ? this.pumpSingle(now) : this.pumpBatch(now);
    this.clearTimer();
    if (wake !== Number.POSITIVE_INFINITY) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, wake - now));
      this.timer.unref();
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Starts every ready key head while a member has room; returns when to look again. */
  private pumpSingle(now: number): number {
    let wake = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) {
      const head = queue[0];
      if (!head || head.inFlight) continue;
      if (head.notBefore > now) {
        wake = Math.min(wake, head.notBefore);
        continue;
      }
      const member = this.freeMember();
      if (!member) break;
      this.start(member, [head]);
    }
    return wake;
  }

  /**
   * One batch at a time, so a key never sits in two batches at once. A message that failed twice
   * in a batch is retried alone, so one poison message cannot sink its neighbours for good.
   */
  private pumpBatch(now: number): number {
    if (this.batchRunning || this.mode.kind !== 'batch') return Number.POSITIVE_INFINITY;
    const member = this.freeMember();
    if (!member) return Number.POSITIVE_INFINITY;
    let wake = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) {
      const head = queue[0];
      if (!head || !this.isolated(head)) continue;
      if (head.notBefore <= now) {
        this.start(member, [head]);
        return Number.POSITIVE_INFINITY;
      }
      wake = Math.min(wake, head.notBefore);
    }
    const batch: Entry<T>[] = [];
    let oldest = Number.POSITIVE_INFINITY;
    let retrying = false;
    collect: for (const queue of this.queues.values()) {
      for (const entry of queue) {
        // Stopping at the first entry that cannot go keeps the key's later messages behind it.
        if (this.isolated(entry)) break;
        if (entry.notBefore > now) {
          wake = Math.min(wake, entry.notBefore);
          break;
        }
        batch.push(entry);
        oldest = Math.min(oldest, entry.arrivedAt);
        retrying ||= entry.failures > 0;
        if (batch.length >= this.mode.maxBatch) break collect;
      }
    }
    if (batch.length === 0) return wake;
    const due = oldest + this.mode.maxWaitMs;
    if (batch.length >= this.mode.maxBatch || retrying || due <= now) {
      batch.sort((a, b) => a.order - b.order);
      this.start(member, batch);
      return Number.POSITIVE_INFINITY;
    }
    return Math.min(wake, due);
  }

  private isolated(entry: Entry<T>): boolean {
    return entry.failures >= Math.min(2, this.policy.maxAttempts);
  }

  private freeMember(): Member | undefined {
    const limit = this.mode.kind === 'single' ? this.mode.concurrency : 1;
    for (let i = 0; i < this.members.length; i++) {
      const member = this.members[(this.nextMember + i) % this.members.length];
      if (member && member.running.size < limit) {
        this.nextMember = (this.nextMember + i + 1) % this.members.length;
        return member;
      }
    }
    return undefined;
  }

  private start(member: Member, entries: Entry<T>[]): void {
    for (const entry of entries) entry.inFlight = true;
    if (this.mode.kind === 'batch') this.batchRunning = true;
    const running: Promise<void> = this.runEntries(member, entries).finally(() => {
      member.running.delete(running);
      if (this.mode.kind === 'batch') this.batchRunning = false;
      this.schedule();
    });
    member.running.add(running);
  }

  private async runEntries(member: Member, entries: Entry<T>[]): Promise<void> {
    const deliveries = entries.map((entry) => this.hooks.toDelivery(entry.ref, entry.failures + 1));
    try {
      await member.run(deliveries);
    } catch (error) {
      await this.failed(entries, error);
      return;
    }
    await Promise.all(entries.map((entry) => this.settle(entry)));
  }

  private async failed(entries: Entry<T>[], error: unknown): Promise<void> {
    const alone = entries.length === 1;
    for (const entry of entries) {
      entry.failures++;
      if (alone && entry.failures >= this.policy.maxAttempts) {
        try {
          await this.hooks.deadLetter(entry.ref, error, entry.failures);
          this.logger.error(
            { consumer: this.label, key: entry.key, attempts: entry.failures, err: error },
            'bus: message dead-lettered',
          );
          await this.settle(entry);
          continue;
        } catch (dlqError) {
          this.logger.error({ consumer: this.label, err: dlqError }, 'bus: dead-letter failed');
        }
      }
      entry.notBefore = Date.now() + backoffDelay(this.policy.backoffMs, entry.failures);
      entry.inFlight = false;
    }
    this.logger.warn(
      { consumer: this.label, messages: entries.length, err: error },
      'bus: handler failed, will retry',
    );
  }

  private async settle(entry: Entry<T>): Promise<void> {
    try {
      await this.hooks.ack(entry.ref);
    } catch (error) {
      // The engine redelivers an unacked message later; the consumer's inbox absorbs the repeat.
      this.logger.warn({ consumer: this.label, err: error }, 'bus: ack failed');
    }
    const queue = this.queues.get(entry.key);
    const index = queue ? queue.indexOf(entry) : -1;
    if (queue && index >= 0) {
      queue.splice(index, 1);
      if (queue.length === 0) this.queues.delete(entry.key);
      this.count--;
    }
    this.hooks.onSettled?.();
  }
}

import { deadLetterMessage } from './dead-letter.js';
import {
  type BusLogger,
  DEFAULT_CONCURRENCY,
  DEFAULT_DUPLICATE_WINDOW_MS,
  retryPolicy,
  silentLogger,
} from './defaults.js';
import {
  batchMode,
  Dispatcher,
  type DispatchMode,
  type Member,
  oneByOne,
  type Runner,
  singleMode,
} from './dispatcher.js';
import { MemoryStream, type StoredMessage } from './memory-store.js';
import { assertDurable, matchesAny, streamToken } from './subjects.js';
import type {
  BatchHandler,
  BatchSubscribeOptions,
  Bus,
  Delivery,
  Handler,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './types.js';

export interface MemoryBusOptions {
  /** Keep the stream and consumer positions in this directory so they survive a restart. */
  dataDir?: string;
  duplicateWindowMs?: number;
  /** Messages older than this expire (at open, and from memory as it runs); unset keeps all. */
  maxAgeMs?: number;
  logger?: BusLogger;
}

/**
 * The in-process bus for embedded mode. Every subscribe() with the same durable joins one consumer
 * group whose dispatcher sees all of its messages, so per-key order holds across those replicas
 * too (stronger than JetStream, see README.md). Attempt counts live in memory and restart at 1
 * after a reopen.
 */
export function createMemoryBus(options: MemoryBusOptions = {}): Bus {
  return new MemoryBus(options);
}

interface Group {
  readonly filters: readonly string[];
  readonly mode: DispatchMode['kind'];
  readonly dispatcher: Dispatcher<StoredMessage>;
  readonly members: Set<Member>;
}

class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  private readonly stream: MemoryStream;
  private readonly groups = new Map<string, Group>();
  private readonly logger: BusLogger;
  private closed = false;

  constructor(options: MemoryBusOptions) {
    this.logger = options.logger ?? silentLogger;
    // Delivery starts once a message is durable (with a data directory: written and fsynced).
    this.stream = new MemoryStream(
      options.dataDir,
      options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS,
      (stored) => {
        for (const group of this.groups.values()) {
          if (matchesAny(group.filters, stored.subject)) group.dispatcher.push(stored, stored.key);
        }
      },
      options.maxAgeMs,
    );
  }

  async publish(message: OutgoingMessage): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
    await this.stream.append(message);
  }

  subscribe(options: SubscribeOptions, handler: Handler): Subscription {
    const mode = singleMode(options.concurrency, DEFAULT_CONCURRENCY);
    return this.join(options, mode, oneByOne(handler));
  }

  subscribeBatch(options: BatchSubscribeOptions, handler: BatchHandler): Subscription {
    return this.join(options, batchMode(options), handler);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('bus is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stops: Promise<void>[] = [];
    for (const group of this.groups.values()) {
      for (const member of group.members) stops.push(group.dispatcher.removeMember(member));
    }
    await Promise.all(stops);
    this.groups.clear();
    await this.stream.close();
  }

  private join(options: SubscribeOptions, mode: DispatchMode, run: Runner): Subscription {
    if (this.closed) throw new Error('bus is closed');
    assertDurable(options.durable);
    // Same rule as JetStream, where the first token picks the stream.
    for (const subject of options.subjects) streamToken(subject);
    const group = this.groupFor(options, mode);
    const member = group.dispatcher.addMember(run);
    group.members.add(member);
    let stopping: Promise<void> | undefined;
    return {
      stop: () => {
        stopping ??= this.leave(options.durable, group, member);
        return stopping;
      },
    };
  }

  private async leave(durable: string, group: Group, member: Member): Promise<void> {
    group.members.delete(member);
    await group.dispatcher.removeMember(member);
    // The durable's position lives in its ack log, so an idle group can be rebuilt from the stream.
    if (group.members.size === 0 && this.groups.get(durable) === group) this.groups.delete(durable);
  }

  private groupFor(options: SubscribeOptions, mode: DispatchMode): Group {
    const existing = this.groups.get(options.durable);
    if (existing) {
      const sameSubjects = existing.filters.join(' ') === [...options.subjects].sort().join(' ');
      if (!sameSubjects || existing.mode !== mode.kind) {
        throw new Error(
          `durable "${options.durable}" is already subscribed with other subjects or mode`,
        );
      }
      return existing;
    }
    const acks = this.stream.acks(options.durable);
    const dispatcher = new Dispatcher<StoredMessage>(
      mode,
      retryPolicy(options),
      {
        toDelivery: toDelivery,
        ack: async (stored) => acks.add(stored.seq),
        deadLetter: (stored, error, attempts) =>
          this.deadLetter(options.durable, stored, error, attempts),
      },
      this.logger,
      options.durable,
    );
    const group: Group = {
      filters: [...options.subjects].sort(),
      mode: mode.kind,
      dispatcher,
      members: new Set(),
    };
    // Like JetStream's deliver_policy "all": a new durable starts at the beginning of the stream.
    for (const stored of this.stream.messages) {
      if (!acks.acked.has(stored.seq) && matchesAny(group.filters, stored.subject)) {
        dispatcher.push(stored, stored.key);
      }
    }
    this.groups.set(options.durable, group);
    return group;
  }

  private deadLetter(
    durable: string,
    stored: StoredMessage,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    return this.publish(deadLetterMessage(durable, toDelivery(stored, attempts), error, attempts));
  }
}

function toDelivery(stored: StoredMessage, attempt: number): Delivery {
  return {
    id: stored.id,
    subject: stored.subject,
    key: stored.key,
    payload: JSON.parse(stored.data),
    headers: { ...stored.headers },
    attempt,
  };
}

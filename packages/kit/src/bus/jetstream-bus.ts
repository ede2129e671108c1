import { type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import {
  type BusLogger,
  DEFAULT_CONCURRENCY,
  DEFAULT_DUPLICATE_WINDOW_MS,
  KEY_HEADER,
  silentLogger,
} from './defaults.js';
import { batchMode, type DispatchMode, oneByOne, type Runner, singleMode } from './dispatcher.js';
import { StreamRegistry } from './jetstream-streams.js';
import { type JetStreamContext, JetStreamSubscription } from './jetstream-subscription.js';
import type {
  BatchHandler,
  BatchSubscribeOptions,
  Bus,
  Handler,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './types.js';

export interface JetStreamBusOptions {
  /** One server or a comma-separated list. */
  url: string;
  /** Prepended to every stream name (the subjects stay as they are). */
  streamPrefix?: string;
  duplicateWindowMs?: number;
  /** Stream retention; unset keeps messages until an operator removes them. */
  streamMaxAgeMs?: number;
  /** Connection name, shown by the server's monitoring. */
  name?: string;
  logger?: BusLogger;
}

const PING_TIMEOUT_MS = 2_000;
const encoder = new TextEncoder();

export async function createJetStreamBus(options: JetStreamBusOptions): Promise<Bus> {
  const nc = await connect({
    servers: options.url.split(',').map((server) => server.trim()),
    name: options.name ?? 'cinesync',
    maxReconnectAttempts: -1,
  });
  const jsm = await jetstreamManager(nc);
  const streams = new StreamRegistry(jsm, {
    prefix: options.streamPrefix ?? '',
    duplicateWindowMs: options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS,
    maxAgeMs: options.streamMaxAgeMs,
  });
  return new JetStreamBus(nc, jsm, streams, options.logger ?? silentLogger);
}

class JetStreamBus implements Bus {
  readonly kind = 'jetstream' as const;
  private readonly ctx: JetStreamContext;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly nc: NatsConnection,
    jsm: JetStreamManager,
    private readonly streams: StreamRegistry,
    logger: BusLogger,
  ) {
    const js = jetstream(nc);
    this.ctx = { js, jsm, streams, logger, publish: (m) => this.publish(m) };
  }

  async publish(message: OutgoingMessage): Promise<void> {
    const hdrs = headers();
    for (const [name, value] of Object.entries(message.headers ?? {})) hdrs.set(name, value);
    hdrs.set(KEY_HEADER, message.key);
    const data = encoder.encode(JSON.stringify(message.payload ?? null));
    const send = () =>
      this.ctx.js.publish(message.subject, data, { msgID: message.id, headers: hdrs });
    await this.streams.ensure(message.subject);
    try {
      await send();
    } catch (error) {
      // The stream may have been deleted since we created it; recreate once, then give up.
      this.streams.forget(message.subject);
      await this.streams.ensure(message.subject).catch(() => Promise.reject(error));
      await send();
    }
  }

  subscribe(options: SubscribeOptions, handler: Handler): Subscription {
    const mode = singleMode(options.concurrency, DEFAULT_CONCURRENCY);
    return this.track(options, mode, oneByOne(handler));
  }

  subscribeBatch(options: BatchSubscribeOptions, handler: BatchHandler): Subscription {
    return this.track(options, batchMode(options), handler);
  }

  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('NATS connection is closed');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('NATS did not answer a ping')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.nc.rtt(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((sub) => sub.stop()));
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  private track(options: SubscribeOptions, mode: DispatchMode, run: Runner): Subscription {
    const subscription = new JetStreamSubscription(this.ctx, options, mode, run);
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        await subscription.stop();
        this.subscriptions.delete(subscription);
      },
    };
  }
}

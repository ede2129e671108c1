import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { deadLetterMessage } from './dead-letter.js';
import { type BusLogger, KEY_HEADER, type RetryPolicy, retryPolicy } from './defaults.js';
import { Dispatcher, type DispatchMode, type Member, type Runner } from './dispatcher.js';
import { isNotFound, type StreamRegistry } from './jetstream-streams.js';
import { assertDurable, matchesAny, streamToken } from './subjects.js';
import type { Delivery, OutgoingMessage, SubscribeOptions, Subscription } from './types.js';

const ACK_WAIT_MS = 30_000;
/** Held messages get `working()` this often, so a slow key never hits ack_wait. */
const KEEP_ALIVE_MS = ACK_WAIT_MS / 3;
const FETCH_EXPIRES_MS = 10_000;
const RETRY_SETUP_MS = 1_000;
/** Server-side bound on unacked messages of one consumer, shared by all its replicas. */
const MIN_MAX_ACK_PENDING = 1_000;

export interface JetStreamContext {
  js: JetStreamClient;
  jsm: JetStreamManager;
  streams: StreamRegistry;
  publish(message: OutgoingMessage): Promise<void>;
  logger: BusLogger;
}

/**
 * One subscribe() call on JetStream: per stream that its subjects touch, one durable pull consumer
 * (named like the durable) and a fetch loop; all loops feed one in-process dispatcher that keeps
 * per-key order, retries with backoff while holding the message (`working()` keeps it ours), and
 * dead-letters after maxAttempts.
 *
 * Server 2.9 allows one filter_subject per consumer, so several subjects of one stream share a
 * consumer filtered on `<token>.>` and the rest is acked and skipped here. That also keeps one
 * key's messages in stream order across those subjects.
 *
 * Ordering guarantee (README.md has the full text): key order holds within this one subscription
 * and one stream. Other subscriptions of the same durable (replicas) pull from the same consumer,
 * so the server may hand two messages of one key to two replicas that then run them at once;
 * across replicas key order does not hold. After a crash, messages the dead process held return
 * after ack_wait and may follow later messages of their key.
 */
export class JetStreamSubscription implements Subscription {
  private readonly dispatcher: Dispatcher<JsMsg>;
  private readonly member: Member;
  private readonly policy: RetryPolicy;
  private readonly capacity: number;
  private readonly held = new Set<JsMsg>();
  private readonly fetches = new Set<ConsumerMessages>();
  private readonly loops: Promise<void>[];
  private readonly keepAlive: NodeJS.Timeout;
  private readonly waiters = new Set<() => void>();
  private running = true;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly ctx: JetStreamContext,
    private readonly options: SubscribeOptions,
    mode: DispatchMode,
    run: Runner,
  ) {
    assertDurable(options.durable);
    this.policy = retryPolicy(options);
    this.capacity = mode.kind === 'single' ? mode.concurrency * 4 : mode.maxBatch * 2;
    this.dispatcher = new Dispatcher<JsMsg>(
      mode,
      this.policy,
      {
        toDelivery,
        ack: (msg) => this.ack(msg),
        deadLetter: (msg, error, attempts) =>
          ctx.publish(
            deadLetterMessage(options.durable, toDelivery(msg, attempts), error, attempts),
          ),
        onSettled: () => this.wakeUp(),
      },
      ctx.logger,
      options.durable,
    );
    this.member = this.dispatcher.addMember(run);
    this.loops = [...subjectsByStream(options.subjects)].map(([token, subjects]) =>
      this.fetchLoop(token, subjects),
    );
    this.keepAlive = setInterval(() => {
      for (const msg of this.held) msg.working();
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.running = false;
    for (const fetch of this.fetches) await fetch.close();
    this.wakeUp();
    await Promise.allSettled(this.loops);
    await this.dispatcher.removeMember(this.member);
    // Hand what we fetched but did not start back to the server at once, for other replicas.
    for (const msg of this.dispatcher.takeIdle()) {
      this.held.delete(msg);
      msg.nak();
    }
    clearInterval(this.keepAlive);
  }

  private async fetchLoop(token: string, subjects: string[]): Promise<void> {
    const filter = subjects.length === 1 && subjects[0] ? subjects[0] : `${token}.>`;
    while (this.running) {
      try {
        const stream = await this.ctx.streams.ensure(filter);
        await this.ensureConsumer(stream, filter);
        const consumer = await this.ctx.js.consumers.get(stream, this.options.durable);
        while (this.running) {
          const room = this.capacity - this.dispatcher.size;
          if (room <= 0) {
            await this.pause();
            continue;
          }
          const fetch = await consumer.fetch({ max_messages: room, expires: FETCH_EXPIRES_MS });
          this.fetches.add(fetch);
          // stop() may have closed the open fetches while this one was being set up.
          if (!this.running) await fetch.close();
          try {
            for await (const msg of fetch) this.arrive(msg, subjects);
          } finally {
            this.fetches.delete(fetch);
          }
        }
      } catch (error) {
        if (!this.running) return;
        if (isNotFound(error)) this.ctx.streams.forget(filter);
        this.ctx.logger.warn(
          { consumer: this.options.durable, filter, err: error },
          'bus: consumer setup or fetch failed, retrying',
        );
        await this.pause(RETRY_SETUP_MS);
      }
    }
  }

  /** Waits until a message settles, the subscription stops, or (when given) the time passes. */
  private pause(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private wakeUp(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private async ensureConsumer(stream: string, filter: string): Promise<void> {
    const durable = this.options.durable;
    try {
      const info = await this.ctx.jsm.consumers.info(stream, durable);
      if (info.config.filter_subject !== filter) {
        throw new Error(
          `consumer ${durable} on stream ${stream} filters "${info.config.filter_subject}", not "${filter}"; delete it to change its subjects`,
        );
      }
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await this.ctx.jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      // Like the memory bus: a new durable starts at the beginning of the stream.
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: nanos(ACK_WAIT_MS),
      // Unlimited: the bus decides when to give up, because a message the server stops
      // delivering after max_deliver is dropped without reaching the dead-letter subject.
      max_deliver: -1,
      max_ack_pending: Math.max(MIN_MAX_ACK_PENDING, this.capacity * 4),
    });
  }

  private arrive(msg: JsMsg, subjects: string[]): void {
    if (!matchesAny(subjects, msg.subject)) {
      msg.ack();
      return;
    }
    this.held.add(msg);
    const prior = msg.info.deliveryCount - 1;
    if (prior >= this.policy.maxAttempts) {
      // Delivered that often without an ack or a failure we saw: the handler likely kills the process.
      void this.giveUp(msg, prior);
      return;
    }
    this.dispatcher.push(msg, keyOf(msg), prior);
  }

  private async giveUp(msg: JsMsg, deliveries: number): Promise<void> {
    const error = new Error(`delivered ${deliveries} times without an ack`);
    try {
      await this.ctx.publish(
        deadLetterMessage(this.options.durable, toDelivery(msg, deliveries), error, deliveries),
      );
      await this.ack(msg);
    } catch (dlqError) {
      this.held.delete(msg);
      msg.nak(this.policy.backoffMs[0]);
      this.ctx.logger.error(
        { consumer: this.options.durable, err: dlqError },
        'bus: dead-letter failed',
      );
    }
  }

  private async ack(msg: JsMsg): Promise<void> {
    this.held.delete(msg);
    // Waiting for the server's confirmation keeps the next message of the key behind a real ack.
    await msg.ackAck();
  }
}

function subjectsByStream(subjects: readonly string[]): Map<string, string[]> {
  const byToken = new Map<string, string[]>();
  for (const subject of subjects) {
    const token = streamToken(subject);
    const list = byToken.get(token);
    if (list) list.push(subject);
    else byToken.set(token, [subject]);
  }
  return byToken;
}

function keyOf(msg: JsMsg): string {
  return msg.headers?.get(KEY_HEADER) ?? '';
}

const decoder = new TextDecoder();

function toDelivery(msg: JsMsg, attempt: number): Delivery {
  const headers: Record<string, string> = {};
  let id = String(msg.seq);
  for (const [name, values] of msg.headers ?? []) {
    if (name === 'Nats-Msg-Id') id = values[0] ?? id;
    else if (name !== KEY_HEADER && !name.startsWith('Nats-')) headers[name] = values[0] ?? '';
  }
  return {
    id,
    subject: msg.subject,
    key: keyOf(msg),
    payload: parsePayload(msg.data),
    headers,
    attempt,
  };
}

/** Messages published by other tools may not be JSON; hand those over as text. */
function parsePayload(data: Uint8Array): unknown {
  const text = decoder.decode(data);
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

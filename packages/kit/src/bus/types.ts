/** A message handed to the bus. `id` is the de-duplication key (the outbox row id). */
export interface OutgoingMessage {
  subject: string;
  id: string;
  /** Ordering key: messages with the same key are delivered in publish order. Usually the aggregate id. */
  key: string;
  payload: unknown;
  headers?: Record<string, string>;
}

/** A message as a consumer sees it. */
export interface Delivery {
  id: string;
  subject: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
  /** 1 on first delivery, then 2, 3, ... on redelivery. */
  attempt: number;
}

export type Handler = (message: Delivery) => Promise<void>;
export type BatchHandler = (messages: Delivery[]) => Promise<void>;

export interface SubscribeOptions {
  /** Durable consumer name. Replicas that use the same name share the work (a consumer group). */
  durable: string;
  /** Subject filters in NATS syntax: `*` matches one token, `>` the rest. */
  subjects: string[];
  /** Deliveries before a message goes to the dead-letter subject `dlq.<durable>`. Default 5. */
  maxAttempts?: number;
  /** Delay before each retry, in ms; the last value repeats. Default [100, 500, 2000, 5000]. */
  backoffMs?: number[];
  /** Handlers this subscriber runs at once (always for different keys). Default 16. */
  concurrency?: number;
}

export interface BatchSubscribeOptions extends SubscribeOptions {
  /** Hand over a batch when it reaches this many messages... */
  maxBatch: number;
  /** ...or when the oldest message in it has waited this long. */
  maxWaitMs: number;
}

export interface Subscription {
  /** Stops fetching, lets in-flight handlers finish, then resolves. */
  stop(): Promise<void>;
}

export type BusKind = 'memory' | 'jetstream';

export interface Bus {
  readonly kind: BusKind;
  /** Resolves once the message is durably stored (JetStream ack); a repeated id is stored once. */
  publish(message: OutgoingMessage): Promise<void>;
  /** Durable, acked, per-key ordered delivery; a handler that throws gets the message again later. */
  subscribe(options: SubscribeOptions, handler: Handler): Subscription;
  /** Like subscribe, but hands messages over in batches; the whole batch is acked after the handler resolves. */
  subscribeBatch(options: BatchSubscribeOptions, handler: BatchHandler): Subscription;
  ping(): Promise<void>;
  close(): Promise<void>;
}

import { type BusLogger, DEFAULT_DUPLICATE_WINDOW_MS } from './defaults.js';
import { createJetStreamBus } from './jetstream-bus.js';
import { createMemoryBus } from './memory-bus.js';
import type { Bus } from './types.js';

export {
  type BusLogger,
  DLQ_ATTEMPTS_HEADER,
  DLQ_ERROR_HEADER,
  DLQ_ID_HEADER,
  DLQ_SUBJECT_HEADER,
} from './defaults.js';
export { createJetStreamBus, type JetStreamBusOptions } from './jetstream-bus.js';
export { createMemoryBus, type MemoryBusOptions } from './memory-bus.js';
export { dlqSubject, subjectMatches } from './subjects.js';
export type * from './types.js';

export interface OpenBusOptions {
  /** NATS_URL: set → JetStream, unset → the in-process bus. */
  url?: string;
  /** In-process bus only: keep the stream here (e.g. `.data/bus`) so it survives restarts. */
  dataDir?: string;
  /** JetStream only: prepended to every stream name. */
  streamPrefix?: string;
  /**
   * Stream retention: messages older than this are dropped (JetStream's max_age; the in-process
   * bus at open and as it runs). Unset keeps them until removed by hand.
   */
  streamMaxAgeMs?: number;
  /** JetStream only: connection name, e.g. the service name. */
  name?: string;
  /** De-duplication window for message ids. Default 2 minutes. */
  duplicateWindowMs?: number;
  logger?: BusLogger;
}

/** NATS_URL set → JetStream; unset → the in-process bus (persisted under dataDir when given). */
export async function openBus(options: OpenBusOptions = {}): Promise<Bus> {
  const window = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  if (options.streamMaxAgeMs !== undefined && options.streamMaxAgeMs < window) {
    // JetStream refuses such a stream; the in-process bus would forget ids it still de-duplicates.
    throw new Error(
      `bus retention (${options.streamMaxAgeMs} ms) is shorter than the duplicate window (${window} ms)`,
    );
  }
  if (options.url) {
    return createJetStreamBus({
      url: options.url,
      streamPrefix: options.streamPrefix,
      duplicateWindowMs: options.duplicateWindowMs,
      streamMaxAgeMs: options.streamMaxAgeMs,
      name: options.name,
      logger: options.logger,
    });
  }
  return createMemoryBus({ ...options, maxAgeMs: options.streamMaxAgeMs });
}

import type { BusLogger } from './defaults.js';
import { createMemoryBus } from './memory-bus.js';
import type { Bus } from './types.js';

export {
  type BusLogger,
  DLQ_ATTEMPTS_HEADER,
  DLQ_ERROR_HEADER,
  DLQ_ID_HEADER,
  DLQ_SUBJECT_HEADER,
} from './defaults.js';
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
  /** De-duplication window for message ids. Default 2 minutes. */
  duplicateWindowMs?: number;
  logger?: BusLogger;
}

export async function openBus(options: OpenBusOptions = {}): Promise<Bus> {
  if (options.url) throw new Error('JetStream bus not built yet');
  return createMemoryBus(options);
}

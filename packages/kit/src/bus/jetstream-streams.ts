import {
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { streamName, streamToken } from './subjects.js';

export interface StreamSettings {
  prefix: string;
  duplicateWindowMs: number;
  /** Undefined keeps messages until removed by hand. */
  maxAgeMs: number | undefined;
}

/**
 * Creates one stream per first subject token on first use (`identity.>` → `IDENTITY`) and
 * remembers it, so publish pays for the lookup once per stream and process.
 */
export class StreamRegistry {
  private readonly known = new Map<string, Promise<string>>();

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly settings: StreamSettings,
  ) {}

  /** Resolves to the name of the stream that stores `subject`. */
  ensure(subject: string): Promise<string> {
    const name = streamName(subject, this.settings.prefix);
    let pending = this.known.get(name);
    if (!pending) {
      pending = this.create(name, streamToken(subject));
      pending.catch(() => this.known.delete(name));
      this.known.set(name, pending);
    }
    return pending;
  }

  /** Forget a stream that vanished (deleted by an operator or a test) so the next use recreates it. */
  forget(subject: string): void {
    this.known.delete(streamName(subject, this.settings.prefix));
  }

  private async create(name: string, token: string): Promise<string> {
    try {
      await this.jsm.streams.info(name);
      return name;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await this.jsm.streams.add({
        name,
        subjects: [`${token}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: nanos(this.settings.duplicateWindowMs),
        ...(this.settings.maxAgeMs ? { max_age: nanos(this.settings.maxAgeMs) } : {}),
      });
    } catch (error) {
      // Another replica may have created it a moment ago.
      await this.jsm.streams.info(name).catch(() => Promise.reject(error));
    }
    return name;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.status === 404;
}

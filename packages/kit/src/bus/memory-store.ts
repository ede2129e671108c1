import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { streamName } from './subjects.js';
import type { OutgoingMessage } from './types.js';

/** A message as the in-process stream keeps it; the payload stays JSON so every delivery gets a fresh copy. */
export interface StoredMessage {
  seq: number;
  subject: string;
  id: string;
  key: string;
  data: string;
  headers: Record<string, string>;
  publishedAt: number;
}

/**
 * All subjects in one ordered log (sequence numbers are global), with JetStream-like
 * de-duplication per stream (first subject token) inside a time window. With a data directory the
 * log is the file `stream.jsonl`, appended and fsynced before publish resolves, and each durable's
 * acknowledged sequence numbers live in `acks/<durable>.txt`.
 */
export class MemoryStream {
  readonly messages: StoredMessage[] = [];
  private readonly recentIds = new Map<string, number>();
  private readonly ackLogs = new Map<string, AckLog>();
  private readonly fd: number | undefined;

  constructor(
    private readonly dataDir: string | undefined,
    private readonly duplicateWindowMs: number,
  ) {
    if (!dataDir) return;
    mkdirSync(join(dataDir, 'acks'), { recursive: true });
    const path = join(dataDir, 'stream.jsonl');
    if (existsSync(path)) this.load(readFileSync(path, 'utf8'));
    this.fd = openSync(path, 'a');
  }

  /** Returns the stored message, or undefined when the id was already seen inside the window. */
  append(message: OutgoingMessage, now = Date.now()): StoredMessage | undefined {
    this.forgetOldIds(now);
    const dedupKey = `${streamName(message.subject)}\u0000${message.id}`;
    if (this.recentIds.has(dedupKey)) return undefined;
    const last = this.messages[this.messages.length - 1];
    const stored: StoredMessage = {
      seq: (last?.seq ?? 0) + 1,
      subject: message.subject,
      id: message.id,
      key: message.key,
      data: JSON.stringify(message.payload ?? null),
      headers: { ...message.headers },
      publishedAt: now,
    };
    if (this.fd !== undefined) {
      writeSync(this.fd, `${JSON.stringify(stored)}\n`);
      fsyncSync(this.fd);
    }
    this.messages.push(stored);
    this.recentIds.set(dedupKey, now);
    return stored;
  }

  acks(durable: string): AckLog {
    let log = this.ackLogs.get(durable);
    if (!log) {
      const path = this.dataDir
        ? join(this.dataDir, 'acks', `${encodeURIComponent(durable)}.txt`)
        : undefined;
      log = new AckLog(path);
      this.ackLogs.set(durable, log);
    }
    return log;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }

  private load(text: string): void {
    const now = Date.now();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let stored: StoredMessage;
      try {
        stored = JSON.parse(line) as StoredMessage;
      } catch {
        // Only the last line can be torn (a crash mid-append); its publish never resolved.
        continue;
      }
      this.messages.push(stored);
      if (now - stored.publishedAt < this.duplicateWindowMs) {
        this.recentIds.set(`${streamName(stored.subject)}\u0000${stored.id}`, stored.publishedAt);
      }
    }
  }

  /** Ids were inserted in time order, so expired ones sit at the front of the map. */
  private forgetOldIds(now: number): void {
    for (const [id, at] of this.recentIds) {
      if (now - at < this.duplicateWindowMs) break;
      this.recentIds.delete(id);
    }
  }
}

/**
 * Acknowledged sequence numbers of one durable consumer. Not fsynced: losing the tail of this file
 * in a crash only means redelivery, which at-least-once consumers tolerate anyway.
 */
export class AckLog {
  readonly acked = new Set<number>();

  constructor(private readonly path: string | undefined) {
    if (!path || !existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const seq = Number(line);
      if (line !== '' && Number.isInteger(seq)) this.acked.add(seq);
    }
  }

  add(seq: number): void {
    this.acked.add(seq);
    if (this.path) appendFileSync(this.path, `${seq}\n`);
  }
}

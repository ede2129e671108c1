import {
  closeSync,
  createWriteStream,
  existsSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  type WriteStream,
  write,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { streamName } from './subjects.js';
import type { OutgoingMessage } from './types.js';

const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);

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
 * log is the file `stream.jsonl`; append resolves once the message's line is written and fsynced
 * (publishes waiting at the same time share one fsync), and each durable's acknowledged sequence
 * numbers live in `acks/<durable>.txt`.
 *
 * With `maxAgeMs`, messages older than that expire, like JetStream's max_age: at open they are
 * left out and both files are rewritten without them; while running they leave memory (checked
 * at most once a minute, on publish) and the files shrink at the next open.
 */
export class MemoryStream {
  /** Durable messages in sequence order (with a data directory: those whose fsync completed). */
  readonly messages: StoredMessage[] = [];
  private readonly recentIds = new Map<string, number>();
  /** Ids whose first message is still being written: a repeat waits for that write. */
  private readonly writing = new Map<string, Promise<unknown>>();
  private readonly ackLogs = new Map<string, AckLog>();
  private readonly log: GroupCommitLog | undefined;
  private nextSeq = 1;
  private nextExpiry = 0;

  /**
   * `onDurable` sees each new message the moment it joins `messages`, in sequence order, so a
   * reader of `messages` and the listener never see a message twice or miss one.
   */
  constructor(
    private readonly dataDir: string | undefined,
    private readonly duplicateWindowMs: number,
    private readonly onDurable: (stored: StoredMessage) => void = () => {},
    private readonly maxAgeMs?: number,
  ) {
    if (!dataDir) return;
    mkdirSync(join(dataDir, 'acks'), { recursive: true });
    const path = join(dataDir, 'stream.jsonl');
    if (existsSync(path)) this.load(path);
    this.log = new GroupCommitLog(openSync(path, 'a'));
  }

  /** The oldest sequence number still kept: acks below it are of expired messages. */
  private get firstSeq(): number {
    return this.messages[0]?.seq ?? this.nextSeq;
  }

  private expired(stored: StoredMessage, now: number): boolean {
    return this.maxAgeMs !== undefined && now - stored.publishedAt > this.maxAgeMs;
  }

  /** Drops expired messages from memory, and their acks; at most once a minute. */
  private expireOld(now: number): void {
    if (this.maxAgeMs === undefined || now < this.nextExpiry) return;
    this.nextExpiry = now + Math.min(this.maxAgeMs, EXPIRY_CHECK_MS);
    let count = 0;
    while (
      count < this.messages.length &&
      this.expired(this.messages[count] as StoredMessage, now)
    ) {
      count++;
    }
    if (count === 0) return;
    this.messages.splice(0, count);
    for (const acks of this.ackLogs.values()) acks.forgetBelow(this.firstSeq);
  }

  /** fsyncs so far; concurrent appends share one. */
  get syncs(): number {
    return this.log?.syncs ?? 0;
  }

  /**
   * Resolves with the stored message once it is durable, or with undefined when the id was
   * already seen inside the window (once that first message is durable).
   */
  append(message: OutgoingMessage, now = Date.now()): Promise<StoredMessage | undefined> {
    this.forgetOldIds(now);
    this.expireOld(now);
    const dedupKey = `${streamName(message.subject)}\u0000${message.id}`;
    if (this.recentIds.has(dedupKey)) {
      const first = this.writing.get(dedupKey) ?? Promise.resolve();
      return first.then(() => undefined);
    }
    // Numbered now, so the log keeps publish order even though the write completes later.
    const stored: StoredMessage = {
      seq: this.nextSeq++,
      subject: message.subject,
      id: message.id,
      key: message.key,
      data: JSON.stringify(message.payload ?? null),
      headers: { ...message.headers },
      publishedAt: now,
    };
    this.recentIds.set(dedupKey, now);
    if (!this.log) {
      this.keep(stored);
      return Promise.resolve(stored);
    }
    const written = this.log.append(`${JSON.stringify(stored)}\n`).then(
      () => {
        this.writing.delete(dedupKey);
        // Writes complete in append order, so this keeps `messages` in sequence order.
        this.keep(stored);
        return stored;
      },
      (error: unknown) => {
        this.writing.delete(dedupKey);
        this.recentIds.delete(dedupKey);
        throw error;
      },
    );
    this.writing.set(dedupKey, written);
    return written;
  }

  private keep(stored: StoredMessage): void {
    this.messages.push(stored);
    this.onDurable(stored);
  }

  acks(durable: string): AckLog {
    let log = this.ackLogs.get(durable);
    if (!log) {
      const path = this.dataDir
        ? join(this.dataDir, 'acks', `${encodeURIComponent(durable)}.txt`)
        : undefined;
      log = new AckLog(path, this.firstSeq);
      this.ackLogs.set(durable, log);
    }
    return log;
  }

  /** Finishes the writes under way, then closes the files. */
  async close(): Promise<void> {
    await this.log?.close();
    await Promise.all([...this.ackLogs.values()].map((log) => log.close()));
  }

  /**
   * Reads the log, leaving out expired messages and a torn last line (a crash mid-write: those
   * publishes never resolved). If it left anything out, or the last line lacks its newline, the
   * file is rewritten: lines appended after a torn one would otherwise join it and be unreadable
   * at the next open.
   */
  private load(path: string): void {
    const now = Date.now();
    const text = readFileSync(path, 'utf8');
    // A crash can also stop a write just before its newline: the next append would join that line.
    let leftOut = text !== '' && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let stored: StoredMessage;
      try {
        stored = JSON.parse(line) as StoredMessage;
      } catch {
        leftOut = true;
        continue;
      }
      this.nextSeq = stored.seq + 1;
      if (this.expired(stored, now)) {
        leftOut = true;
        continue;
      }
      this.messages.push(stored);
      if (now - stored.publishedAt < this.duplicateWindowMs) {
        this.recentIds.set(`${streamName(stored.subject)}\u0000${stored.id}`, stored.publishedAt);
      }
    }
    if (leftOut) {
      replaceFile(path, this.messages.map((stored) => `${JSON.stringify(stored)}\n`).join(''));
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

const EXPIRY_CHECK_MS = 60_000;

/** Writes `content` to a new file, fsyncs it and renames it over `path`: whole or not at all. */
function replaceFile(path: string, content: string): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  const directory = openSync(dirname(path), 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}

interface Waiter {
  line: string;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: lines appended while a write + fsync is under way are written together by the
 * next one, so N concurrent publishes cost one fsync instead of N, and the event loop never
 * blocks on the disk. After a failed write or fsync the log refuses everything: what reached the
 * disk is then unknown, so nothing more may be reported durable.
 */
class GroupCommitLog {
  syncs = 0;
  private queued: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;
  private closed = false;

  constructor(private readonly fd: number) {}

  append(line: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error('bus stream is closed'));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ line, resolve, reject });
      // setImmediate rather than a microtask: publishes arriving in the same turn of the event
      // loop (several requests read at once) join the first write too.
      this.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    closeSync(this.fd);
  }

  private async flush(): Promise<void> {
    while (this.queued.length > 0) {
      const group = this.queued;
      this.queued = [];
      try {
        await writeFully(this.fd, Buffer.from(group.map((waiter) => waiter.line).join('')));
        await fsyncAsync(this.fd);
        this.syncs++;
        for (const waiter of group) waiter.resolve();
      } catch (error) {
        this.failure = error;
        for (const waiter of [...group, ...this.queued]) waiter.reject(error);
        this.queued = [];
      }
    }
    this.flushing = undefined;
  }
}

async function writeFully(fd: number, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await writeAsync(fd, buffer, offset, buffer.length - offset, null);
    offset += bytesWritten;
  }
}

/**
 * Acknowledged sequence numbers of one durable consumer. Not fsynced: losing the tail of this file
 * in a crash only means redelivery, which at-least-once consumers tolerate anyway.
 */
export class AckLog {
  readonly acked = new Set<number>();
  private readonly file: WriteStream | undefined;

  /** Acks below `firstSeq` are of expired messages: left out, and the file rewritten without them. */
  constructor(path: string | undefined, firstSeq = 1) {
    if (!path) return;
    if (existsSync(path)) {
      let leftOut = false;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const seq = Number(line);
        if (line === '' || !Number.isInteger(seq)) continue;
        if (seq < firstSeq) leftOut = true;
        else this.acked.add(seq);
      }
      if (leftOut) replaceFile(path, [...this.acked].map((seq) => `${seq}\n`).join(''));
    }
    // Written in the background: a synchronous append per ack made every ack wait for the disk
    // on the event loop, which under write load from other files meant milliseconds each.
    this.file = createWriteStream(path, { flags: 'a' });
    // A failed write only loses acks, i.e. means redelivery after a restart.
    this.file.on('error', () => {});
  }

  add(seq: number): void {
    this.acked.add(seq);
    this.file?.write(`${seq}\n`);
  }

  /** Forgets acks of expired messages (in memory; the file shrinks at the next open). */
  forgetBelow(firstSeq: number): void {
    for (const seq of this.acked) {
      if (seq < firstSeq) this.acked.delete(seq);
    }
  }

  /** Resolves once what was added is written. */
  close(): Promise<void> {
    const file = this.file;
    if (!file || file.destroyed) return Promise.resolve();
    return new Promise((resolve) => file.end(resolve));
  }
}

/** Minimal logger; a pino logger fits. */
export interface WorkerLogger {
  error(fields: object, message: string): void;
}

export interface PollingWorkerOptions {
  /** What one round is called in the log: 'outbox relay round' logs 'outbox relay round failed'. */
  name: string;
  /**
   * One round of work. Resolves true when there is more to do at once (a full batch), so the next
   * round starts without waiting. A round that throws is logged and tried again at the next poll.
   */
  poll: () => Promise<boolean>;
  /** Wait between rounds when nobody calls notify(). */
  intervalMs: number;
  /** Wait before the first round. Default 0: start() runs a round at once. */
  initialDelayMs?: number;
  log?: WorkerLogger;
}

const silent: WorkerLogger = { error() {} };

/**
 * A background loop inside the service process: one round at start, then one every `intervalMs`,
 * or at once after notify(). Rounds never overlap: a notify() during a round runs one more round
 * straight after it. stop() lets the round in flight finish and starts no other.
 */
export class PollingWorker {
  private readonly options: PollingWorkerOptions;
  private readonly log: WorkerLogger;
  private loop: Promise<void> | undefined;
  private running = false;
  private notified = false;
  private wake: (() => void) | undefined;

  constructor(options: PollingWorkerOptions) {
    this.options = options;
    this.log = options.log ?? silent;
  }

  start(): void {
    if (this.loop) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Resolves once the round in flight, if any, has finished; no round starts after it. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Run a round now rather than at the next poll (after the round in flight, if any). */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const { initialDelayMs = 0 } = this.options;
    if (initialDelayMs > 0) await this.idle(initialDelayMs);
    while (this.running) {
      this.notified = false;
      let more = false;
      try {
        more = await this.options.poll();
      } catch (err) {
        this.log.error({ err }, `${this.options.name} failed`);
      }
      if (!more) await this.idle(this.options.intervalMs);
    }
  }

  private idle(ms: number): Promise<void> {
    if (!this.running || this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // The wait alone must not keep the process alive; the server or the caller's stop() ends it.
      timer.unref();
      this.wake = done;
    });
  }
}

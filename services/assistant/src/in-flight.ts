/** Why an answer was stopped when the service shuts down. */
export class ShuttingDownError extends Error {
  override readonly name = 'ShuttingDownError';
  constructor() {
    super('the assistant is shutting down');
  }
}

/**
 * The answers being streamed right now. On shutdown they get `graceMs` to finish; the rest are
 * aborted (their partial text is stored and the client gets an `error` event), and shutdown
 * waits until each has stored what it had, so the database closes after the last write.
 */
export class InFlight {
  private readonly running = new Map<AbortController, Promise<void>>();
  private stopping = false;

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Runs `work` with a signal that aborts on shutdown (or when the caller aborts it). */
  run(controller: AbortController, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.stopping) controller.abort(new ShuttingDownError());
    const done = work(controller.signal).finally(() => this.running.delete(controller));
    this.running.set(controller, done);
    return done;
  }

  async drain(graceMs: number): Promise<void> {
    this.stopping = true;
    const all = () => Promise.allSettled([...this.running.values()]);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([all(), grace]);
    clearTimeout(timer);
    for (const controller of this.running.keys()) controller.abort(new ShuttingDownError());
    await all();
  }
}

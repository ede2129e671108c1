/** One line on stderr that updates in place on a terminal, or a line per 10% elsewhere (CI, logs). */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
    /** Where lines go; tests pass a no-op. */
    private readonly write: (text: string) => void = (text) => {
      process.stderr.write(text);
    },
  ) {}

  add(n: number): void {
    this.done += n;
    const now = Date.now();
    if (this.tty && now - this.lastDraw >= 200) {
      this.lastDraw = now;
      this.write(`\r${this.line()}`);
    }
    const tenth = Math.floor((this.done / Math.max(1, this.total)) * 10);
    if (!this.tty && tenth > this.lastTenth && tenth < 10) {
      this.lastTenth = tenth;
      this.write(`${this.line()}\n`);
    }
  }

  /** Final line; returns the elapsed milliseconds. */
  finish(): number {
    const ms = Date.now() - this.started;
    this.write(`${this.tty ? '\r' : ''}${this.line()} in ${(ms / 1000).toFixed(1)} s\n`);
    return ms;
  }

  private line(): string {
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const width = 24;
    const share = Math.min(1, this.done / Math.max(1, this.total));
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const rate = Math.round(this.done / seconds).toLocaleString('en-US');
    return `${this.label.padEnd(13)} [${bar}] ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} (${(share * 100).toFixed(0)}%) ${rate} rows/s`;
  }
}

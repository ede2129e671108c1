import { CircuitOpenError } from './errors.js';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before it lets a probe through. */
  resetTimeoutMs: number;
  /** Probes allowed at once while half-open (default 1); further calls fail fast. */
  halfOpenMax?: number;
  /**
   * Whether an error means the dependency is unhealthy (default: every error). Return false
   * for answers such as 404 or a validation error: the dependency worked, the caller erred.
   * Such errors still reach the caller but count as a success for the breaker.
   */
  isFailure?: (err: unknown) => boolean;
  onStateChange?: (to: CircuitState, from: CircuitState) => void;
  /** Named in CircuitOpenError messages and logs. */
  name?: string;
  /** Clock in ms; tests inject one. */
  now?: () => number;
}

/**
 * closed → (failureThreshold consecutive failures) → open: every call fails fast with
 * CircuitOpenError and fn is not called → (resetTimeoutMs later) → half-open: up to
 * halfOpenMax probes run; a probe's success closes the circuit, its failure reopens it for
 * another resetTimeoutMs. The open → half-open move happens lazily on the next call or
 * `state` read, so an idle breaker holds no timer.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probes = 0;
  private generation = 0;
  private readonly failureThreshold: number;
  private readonly resetTimeoutMs: number;
  private readonly halfOpenMax: number;
  private readonly isFailure: (err: unknown) => boolean;
  private readonly onStateChange: ((to: CircuitState, from: CircuitState) => void) | undefined;
  private readonly name: string;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
      throw new RangeError('failureThreshold must be an integer >= 1');
    }
    this.failureThreshold = options.failureThreshold;
    this.resetTimeoutMs = options.resetTimeoutMs;
    this.halfOpenMax = options.halfOpenMax ?? 1;
    this.isFailure = options.isFailure ?? (() => true);
    this.onStateChange = options.onStateChange;
    this.name = options.name ?? 'breaker';
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    this.refresh();
    return this.current;
  }

  async execute<T>(fn: () => Promise<T>): Promise<T> {
    this.refresh();
    if (this.current === 'open') {
      throw new CircuitOpenError(this.name, this.openedAt + this.resetTimeoutMs - this.now());
    }
    const probe = this.current === 'half-open';
    if (probe) {
      if (this.probes >= this.halfOpenMax) throw new CircuitOpenError(this.name, 0);
      this.probes++;
    }
    // A result only counts in the state period its call started in: a slow call begun while
    // closed must not close (or reopen) a circuit that has moved on since.
    const generation = this.generation;
    try {
      const value = await fn();
      if (generation === this.generation) this.onSuccess();
      return value;
    } catch (err) {
      if (generation === this.generation) {
        if (this.isFailure(err)) this.onFailure();
        else this.onSuccess();
      }
      throw err;
    } finally {
      // Probes of an ended half-open period were already forgotten by the reset in transition().
      if (probe && generation === this.generation) this.probes--;
    }
  }

  private refresh(): void {
    if (this.current === 'open' && this.now() - this.openedAt >= this.resetTimeoutMs) {
      this.transition('half-open');
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    if (this.current === 'half-open') this.transition('closed');
  }

  private onFailure(): void {
    if (this.current === 'half-open') {
      this.open();
      return;
    }
    this.failures++;
    if (this.failures >= this.failureThreshold) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.failures = 0;
    this.transition('open');
  }

  private transition(to: CircuitState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.generation++;
    if (to === 'half-open') this.probes = 0;
    this.onStateChange?.(to, from);
  }
}

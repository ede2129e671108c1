/** Latency percentiles and throughput of one closed-loop run. */
export interface RunResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(latenciesMs: number[], errors: number, seconds: number): RunResult {
  const sorted = Float64Array.from(latenciesMs).sort();
  return {
    requests: sorted.length,
    errors,
    seconds,
    throughput: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** Run (and discard) this long first: connections, JIT and caches warm up. */
  warmupMs: number;
  /** One operation; `worker` is 0..concurrency-1. A throw counts as an error. */
  task: (worker: number) => Promise<void>;
}

/**
 * Closed loop: `concurrency` workers each start the next operation as soon as the previous one
 * finished, so at most that many are in flight. Latency is measured around each operation.
 */
export async function runLoad(options: LoadOptions): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  let stopAt = Date.now() + options.warmupMs;
  const worker = async (id: number) => {
    while (Date.now() < stopAt) {
      const started = performance.now();
      try {
        await options.task(id);
        if (measuring) latencies.push(performance.now() - started);
      } catch {
        if (measuring) errors++;
      }
    }
  };
  const workers = Array.from({ length: options.concurrency }, (_, id) => id);
  if (options.warmupMs > 0) await Promise.all(workers.map(worker));
  measuring = true;
  const started = performance.now();
  stopAt = Date.now() + options.durationMs;
  await Promise.all(workers.map(worker));
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}

export interface OpenLoadOptions {
  /** Operations started per second, whatever the answers' speed (open loop). */
  rate: number;
  durationMs: number;
  warmupMs: number;
  task: () => Promise<void>;
}

/**
 * Open loop: operations start on a fixed schedule, as independent users would send them, whether
 * or not earlier ones have been answered, so a slow server cannot slow the sender down (no
 * coordinated omission). Latency runs from the moment an operation is handed to the client: on a
 * busy 2-core machine the 1 ms timer itself fires late, and that lag is the client's, not the
 * server's. The client's own limits (connections, pool) queue the excess and that wait counts.
 */
export async function runOpenLoad(options: OpenLoadOptions): Promise<RunResult> {
  const run = async (ms: number, keep: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const inFlight = new Set<Promise<void>>();
    const start = performance.now();
    const total = Math.floor((options.rate * ms) / 1000);
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000));
      for (; sent < due; sent++) {
        const sentAt = performance.now();
        const operation = options.task().then(
          () => {
            if (keep) latencies.push(performance.now() - sentAt);
          },
          () => {
            if (keep) errors++;
          },
        );
        inFlight.add(operation);
        void operation.finally(() => inFlight.delete(operation));
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(inFlight);
    return summarize(latencies, errors, (performance.now() - start) / 1000);
  };
  if (options.warmupMs > 0) await run(options.warmupMs, false);
  return run(options.durationMs, true);
}

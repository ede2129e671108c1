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

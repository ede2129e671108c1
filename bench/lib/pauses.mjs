// Pauses of the machine itself, measured beside a benchmark. On the virtual machines this project
// is built on, every process stops now and then for 50–80 ms at the same moment (a 1 ms timer loop
// with nothing else running sees it; two such loops see it together), a few times in 20 s. A
// request in flight or due then waits that long whatever the service does, so a p99 taken over a
// few thousand requests can be such a pause rather than the service. Benchmarks report how many
// pauses fell inside each measurement, so a reader can tell the two apart. Under flat-out load the
// watcher also waits for a core now and then, so there its count includes some of that.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Gaps longer than this in a 1 ms timer loop count as pauses. */
export const PAUSE_MS = 15;

/** Runs in the child: a 1 ms timer loop that reports each long gap as `{ at, ms }` (epoch ms). */
async function watch() {
  // Ends with the benchmark, however that ends.
  process.on('disconnect', () => process.exit(0));
  let last = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const now = performance.now();
    if (now - last > PAUSE_MS) process.send?.({ at: Date.now(), ms: now - last });
    last = now;
  }
}

/**
 * Starts the watcher in its own small process (the benchmark's process is busy sending load, so
 * its own timers would measure that). `between(from, to)` gives the pauses that ended in an epoch
 * ms window: `{ count, longest }`; `stop()` ends the watcher.
 */
export function startPauseWatch() {
  const pauses = [];
  const child = fork(fileURLToPath(import.meta.url), ['--watch-pauses'], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  child.on('message', (pause) => pauses.push(pause));
  return {
    between(from, to) {
      const inside = pauses.filter((pause) => pause.at >= from && pause.at <= to);
      return {
        count: inside.length,
        longest: inside.reduce((longest, pause) => Math.max(longest, pause.ms), 0),
      };
    },
    stop() {
      child.kill();
    },
  };
}

if (process.argv.includes('--watch-pauses')) await watch();

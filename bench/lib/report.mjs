// What every benchmark reports with: percentiles, the machine it ran on, and the results section
// of its Markdown page.
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Others' work on the same cores slows every process; the figures mean little without it. */
export const oneMinuteLoad = () => loadavg()[0]?.toFixed(1) ?? '?';

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: oneMinuteLoad(),
  };
}

/**
 * Replaces what stands between `<!-- results:start` and `<!-- results:end -->` in `mdPath` with
 * `section` (which carries both markers), leaving the hand-written rest of the page alone; a
 * missing page is started with `title`.
 */
export async function writeResultsSection(mdPath, title, section) {
  const md = await readFile(mdPath, 'utf8').catch(
    () => `# ${title}\n\n<!-- results:start -->\n<!-- results:end -->\n`,
  );
  await writeFile(mdPath, md.replace(/<!-- results:start[\s\S]*?<!-- results:end -->/, section));
}

// Top self-time frames of a V8 .cpuprofile (from `node --cpu-prof`), grouped by function and file.
//
//   node bench/store/top-frames.mjs <file.cpuprofile> [count] [last-seconds]
//
// last-seconds keeps only the samples of the profile's last seconds: the measured phase, without
// the start-up (module loading, migrations) that a whole-process profile also holds.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

const [file, count = '25', last] = process.argv.slice(2);
if (!file) throw new Error('usage: top-frames.mjs <file.cpuprofile> [count]');
const profile = JSON.parse(await readFile(file, 'utf8'));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const since = last ? profile.endTime - Number(last) * 1e6 : Number.NEGATIVE_INFINITY;
const hits = new Map();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= since) hits.set(id, (hits.get(id) ?? 0) + 1);
});

const where = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  return url ? `${relative(process.cwd(), url)}:${frame.lineNumber + 1}` : '';
};
const self = new Map();
let total = 0;
for (const [id, n] of hits) {
  const frame = byId.get(id).callFrame;
  const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
  self.set(key, (self.get(key) ?? 0) + n);
  total += n;
}
/** Also by package or folder, which says more than single functions when time is spread thin. */
const area = new Map();
for (const [key, n] of self) {
  const path = key.split(' ')[1] ?? '';
  const match = path.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  const name = match
    ? match[1]
    : path.startsWith('node:')
      ? 'node internals'
      : path
        ? path.split('/').slice(0, 2).join('/')
        : key;
  area.set(name, (area.get(name) ?? 0) + n);
}
const top = (map) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(count))
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
process.stdout.write(
  `${file}: ${total} samples\n\nself time by function\n${top(self)}\n\nself time by package/folder\n${top(area)}\n`,
);

/** Inclusive time of the project's own functions (services/, packages/): where the time starts. */
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map();
for (const [id, n] of hits) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at).callFrame;
    const path = where(frame);
    if (!/^(services|packages)\//.test(path)) continue;
    const key = `${frame.functionName || '(anonymous)'} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + n);
  }
}
process.stdout.write(`\ninclusive time, project code\n${top(inclusive)}\n`);

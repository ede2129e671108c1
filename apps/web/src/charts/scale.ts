/** A "nice" upper bound for an axis (1, 2, 5 × 10^n) and its ticks. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = 0; value <= max + step * 0.999; value += step)
    ticks.push(Math.round(value * 1e6) / 1e6);
  return ticks;
}

/** Distinct colours for up to eight series, readable on the dark theme. */
export const SERIES_COLOURS = [
  '#f5b942',
  '#5ec2ff',
  '#ff6f91',
  '#7ee081',
  '#c59bff',
  '#ff9f5a',
  '#4fd1c5',
  '#e0e0e0',
];

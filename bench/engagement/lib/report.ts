import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Cell = string | number;

const format = (value: Cell) =>
  typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : value;

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const quote = (value: string) =>
    /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return [header, ...rows.map((row) => row.map(format))]
    .map((row) => row.map(quote).join(','))
    .join('\n')
    .concat('\n');
}

export function toMarkdown(header: readonly string[], rows: readonly Cell[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map((row) => line(row.map(format))),
  ].join('\n');
}

export async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

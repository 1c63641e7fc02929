import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './table';

/**
 * The bench's table as JSON (`bench-results/<time>.json` and `latest.json`), and the change of each figure
 * against a previous file, so a regression shows in one command:
 * `npm run bench -- --compare bench-results/latest.json` (or KIOSK_BENCH_COMPARE=<file>).
 */
export interface BenchFile {
  at: string;
  quick: boolean;
  node: string;
  rows: BenchRow[];
}

export function writeResults(rows: BenchRow[], quick: boolean, dir = 'bench-results'): string {
  mkdirSync(dir, { recursive: true });
  const file: BenchFile = { at: new Date().toISOString(), quick, node: process.version, rows };
  const name = path.join(dir, `${file.at.replace(/[:.]/g, '-')}.json`);
  const text = JSON.stringify(file, null, 2) + '\n';
  writeFileSync(name, text);
  writeFileSync(path.join(dir, 'latest.json'), text);
  return name;
}

/** The first number of a cell ("1.23 ms / 4.5 ms" -> 1.23; "0.185 of bare" -> 0.185). */
export function firstNumber(cell: string | undefined): number | undefined {
  const m = cell?.match(/-?\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

const change = (before: number | undefined, after: number | undefined) =>
  before === undefined || after === undefined || before === 0 ? '' : `${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%`;

/** Rows of the current run beside the previous run's value and the change of its first number. */
export function compareRows(previous: BenchFile, rows: BenchRow[]): BenchRow[] {
  const before = new Map(previous.rows.map((r) => [`${r.area}\u0000${r.metric}`, r]));
  return rows.map((r) => {
    const old = before.get(`${r.area}\u0000${r.metric}`);
    if (!old) return { area: r.area, metric: r.metric, value: r.value, ratio: 'new' };
    return { area: r.area, metric: r.metric, value: `${old.value} -> ${r.value}`, ratio: change(firstNumber(old.value), firstNumber(r.value)) };
  });
}

export function readResults(file: string): BenchFile {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchFile;
}

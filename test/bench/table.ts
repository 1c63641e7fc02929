/**
 * One row of `npm run bench`. Speed is reported as a ratio against a baseline measured in the same run
 * (e.g. a bare Fastify route), never as an absolute pass/fail threshold.
 */
export interface BenchRow {
  area: string;
  metric: string;
  value: string;
  /** e.g. "2.1x bare route", "0.93 of wire time"; empty when there is no baseline. */
  ratio?: string;
  /** The target for this figure and whether this run met it, e.g. "≥ 0.35 of bare: met". */
  target?: string;
}

/** "≤ 2 ms: met" / "≤ 2 ms: NOT met": a target cell that says the verdict beside the limit. */
export const verdict = (limit: string, met: boolean) => `${limit}: ${met ? 'met' : 'NOT met'}`;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printTable(rows: BenchRow[]): void {
  const head: BenchRow = { area: 'area', metric: 'metric', value: 'value', ratio: 'ratio (same run)', target: 'target' };
  const all = [head, ...rows];
  const w = (k: keyof BenchRow) => Math.max(...all.map((r) => (r[k] ?? '').length));
  const widths = { area: w('area'), metric: w('metric'), value: w('value'), ratio: w('ratio'), target: w('target') };
  const line = (r: BenchRow) =>
    `| ${r.area.padEnd(widths.area)} | ${r.metric.padEnd(widths.metric)} | ${r.value.padStart(widths.value)} | ${(r.ratio ?? '').padEnd(widths.ratio)} | ${(r.target ?? '').padEnd(widths.target)} |`;
  console.log(line(head));
  console.log(['area', 'metric', 'value', 'ratio', 'target'].map((k) => '-'.repeat(widths[k as keyof typeof widths] + 2)).join('|').replace(/^/, '|') + '|');
  for (const r of rows) console.log(line(r));
}

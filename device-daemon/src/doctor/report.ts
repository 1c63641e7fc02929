import { VERSION } from '../core/version';
import type { Check, Verdict } from './types';

export interface DoctorReport {
  tool: 'kiosk-doctor';
  version: string;
  generatedAt: string;
  /** False when any check FAILed; the exit status is then 1. */
  ok: boolean;
  summary: Record<Verdict, number>;
  checks: Check[];
}

export function makeReport(checks: Check[], now = new Date()): DoctorReport {
  const summary: Record<Verdict, number> = { PASS: 0, WARN: 0, FAIL: 0 };
  for (const c of checks) summary[c.status] += 1;
  return { tool: 'kiosk-doctor', version: VERSION, generatedAt: now.toISOString(), ok: summary.FAIL === 0, summary, checks };
}

const COLOUR: Record<Verdict, string> = { PASS: '\x1b[32m', WARN: '\x1b[33m', FAIL: '\x1b[31m' };

/** A plain table for a person at a terminal: status, what, what was found, and how to fix it. */
export function renderTable(report: DoctorReport, colour = false): string {
  const rows = report.checks.map((c) => [c.status, c.title, c.detail, c.hint ?? '']);
  const head = ['status', 'check', 'found', 'fix'];
  // Nothing is cut: a path or a message a technician must read in full wraps rather than loses its end.
  const width = (i: number) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length));
  const widths = [0, 1, 2].map(width);
  const cell = (text: string, i: number) => text.padEnd(widths[i]!);
  const line = (r: string[], status?: Verdict) => {
    const mark = status && colour ? `${COLOUR[status]}${cell(r[0]!, 0)}\x1b[0m` : cell(r[0]!, 0);
    return `${mark}  ${cell(r[1]!, 1)}  ${cell(r[2]!, 2)}  ${r[3]}`.trimEnd();
  };
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)).concat('---'))];
  for (const [i, r] of rows.entries()) out.push(line(r, report.checks[i]!.status));
  const s = report.summary;
  out.push('', `PASS ${s.PASS}  WARN ${s.WARN}  FAIL ${s.FAIL}  (kiosk ${report.version}, ${report.generatedAt})`);
  return out.join('\n');
}

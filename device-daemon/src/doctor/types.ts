/**
 * One line of the doctor's report. PASS: fine. WARN: works, but a technician should look (no scanner found,
 * clock zone differs from the hall's). FAIL: the kiosk will not work as configured; `hint` says how to fix it.
 */
export type Verdict = 'PASS' | 'WARN' | 'FAIL';

export interface Check {
  /** Stable identifier for machines (`serial.ports`, `device.printer`). */
  id: string;
  /** What was checked, for people. */
  title: string;
  status: Verdict;
  /** What was found. */
  detail: string;
  /** How to fix it; present on WARN and FAIL. */
  hint?: string;
  /** Machine-readable findings (lists of ports, devices, fonts ...). */
  data?: Record<string, unknown>;
}

export const pass = (id: string, title: string, detail: string, data?: Record<string, unknown>): Check => ({
  id,
  title,
  status: 'PASS',
  detail,
  ...(data ? { data } : {}),
});

function withHint(status: 'WARN' | 'FAIL') {
  return (id: string, title: string, detail: string, hint: string, data?: Record<string, unknown>): Check => ({
    id,
    title,
    status,
    detail,
    hint,
    ...(data ? { data } : {}),
  });
}

export const warn = withHint('WARN');
export const fail = withHint('FAIL');

/** A check that threw is reported, not allowed to stop the others. */
export async function guarded(id: string, title: string, run: () => Promise<Check | Check[]>): Promise<Check[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (err) {
    return [fail(id, title, `the check itself failed: ${(err as Error).message}`, 'report this to the kiosk vendor with the output of `npm run doctor -- --json`')];
  }
}

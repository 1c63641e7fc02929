import type { KeypadModel } from './models';
import { USAGE } from './models';

/** Boot keyboard report: modifier byte, reserved byte, six usage slots (HID 1.11 appendix B.1). */
export const BOOT_REPORT_LENGTH = 8;
const BOOT_FIRST_SLOT = 2;

export type ReportError =
  | { code: 'REPORT_TOO_SHORT'; length: number }
  | { code: 'WRONG_REPORT_ID'; reportId: number }
  | { code: 'ROLL_OVER' }
  | { code: 'UNKNOWN_KEY_CODE'; value: number };

/** The physical keys held down according to one input report, or why the report says nothing usable. */
export function keysDown(model: KeypadModel, report: Uint8Array): Set<number> | ReportError {
  const base = model.reportId === undefined ? 0 : 1;
  if (base === 1 && report.length > 0 && report[0] !== model.reportId) return { code: 'WRONG_REPORT_ID', reportId: report[0]! };
  if (model.mode === 'boot-keyboard') {
    if (report.length < base + BOOT_REPORT_LENGTH) return { code: 'REPORT_TOO_SHORT', length: report.length };
    const slots = report.subarray(base + BOOT_FIRST_SLOT, base + BOOT_REPORT_LENGTH);
    // Too many keys at once: every slot says ErrorRollOver and the state is unknown.
    if (slots.every((u) => u === USAGE.ERROR_ROLL_OVER)) return { code: 'ROLL_OVER' };
    const down = new Set<number>();
    for (const usage of slots) {
      const key = model.usages[usage];
      if (key !== undefined) down.add(key);
    }
    return down;
  }
  if (report.length < model.reportLength) return { code: 'REPORT_TOO_SHORT', length: report.length };
  const value = report[model.offset]!;
  if (value === model.releaseValue) return new Set();
  const key = model.values[value];
  return key === undefined ? { code: 'UNKNOWN_KEY_CODE', value } : new Set([key]);
}

export function isReportError<T extends object>(x: T | ReportError): x is ReportError {
  return 'code' in x;
}

/**
 * Turns a stream of input reports into press edges: a key counts when it goes down, not while it stays
 * down (a boot keyboard repeats its report on every change of any key). A bad report keeps the last state.
 */
export class PressDecoder {
  private down = new Set<number>();
  constructor(private readonly model: KeypadModel) {}

  feed(report: Uint8Array): { pressed: number[] } | ReportError {
    const now = keysDown(this.model, report);
    if (isReportError(now)) return now;
    const pressed = [...now].filter((k) => !this.down.has(k)).sort((a, b) => a - b);
    this.down = now;
    return { pressed };
  }

  reset(): void {
    this.down = new Set();
  }
}

/** The input report a unit of this model sends while `keys` are held (empty: all released). For simulators. */
export function encodeKeysDown(model: KeypadModel, keys: readonly number[]): Buffer {
  const base = model.reportId === undefined ? 0 : 1;
  if (model.mode === 'boot-keyboard') {
    const report = Buffer.alloc(base + BOOT_REPORT_LENGTH);
    if (base) report[0] = model.reportId!;
    keys.slice(0, 6).forEach((key, i) => {
      report[base + BOOT_FIRST_SLOT + i] = usageOf(model.usages, key);
    });
    return report;
  }
  if (keys.length > 1) throw new Error(`${model.name} reports one key at a time`);
  const report = Buffer.alloc(model.reportLength);
  if (base) report[0] = model.reportId!;
  report[model.offset] = keys.length ? usageOf(model.values, keys[0]!) : model.releaseValue;
  return report;
}

function usageOf(table: Record<number, number>, key: number): number {
  const entry = Object.entries(table).find(([, k]) => k === key);
  if (!entry) throw new Error(`no code for key ${key}`);
  return Number(entry[0]);
}

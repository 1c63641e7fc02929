import type { PrinterStatus } from './codec/status';
import type { StatusReading } from './readiness';

export type PaperState = 'ok' | 'near-end' | 'out' | 'unknown';

/** The printer facts shown on health pages and pushed to the UI (`detail()`); never personal data. */
export interface PrinterDetail {
  paper: PaperState;
  cover: 'closed' | 'open' | 'unknown';
  online: boolean;
  /** False while the printer has not answered DLE EOT (a character device may never answer). */
  statusKnown: boolean;
  errors: PrinterStatus['errorKinds'];
  lastStatusAt?: string;
}

/** Nothing known: before the first answer and after the link went away. */
const unknown = (): PrinterDetail => ({ paper: 'unknown', cover: 'unknown', online: false, statusKnown: false, errors: [] });

/** What the UI sees of a detail: all but the time of the reading. */
const seen = ({ lastStatusAt: _at, ...rest }: PrinterDetail) => JSON.stringify(rest);

/**
 * Remembers the last DLE EOT reading, tells whether what the UI sees changed, and counts the UnifiedPOS
 * statistics that are transitions (cover opened, fault occurred), not readings.
 */
export class PrinterStatusTracker {
  private current: PrinterDetail = unknown();
  private last: PrinterStatus | undefined;

  constructor(private readonly count: (statistic: string) => void) {}

  detail(): Record<string, unknown> {
    return { ...this.current };
  }

  /** Returns true when the detail changed (the driver then emits a status event). */
  update(reading: StatusReading, at = new Date()): boolean {
    const was = this.current;
    if (!reading.answered) {
      this.current = { ...this.current, statusKnown: false, online: false };
      this.last = undefined;
    } else {
      const s = reading.status;
      if (s.coverOpen && !this.last?.coverOpen) this.count('ReceiptCoverOpenCount');
      if (s.error && !this.last?.error) this.count('PrinterFaultCount');
      this.last = s;
      this.current = {
        paper: s.paperOut ? 'out' : s.paperNearEnd ? 'near-end' : 'ok',
        cover: s.coverOpen ? 'open' : 'closed',
        online: s.online,
        statusKnown: true,
        errors: s.errorKinds,
        lastStatusAt: at.toISOString(),
      };
    }
    return seen(this.current) !== seen(was);
  }

  /** The link went away: nothing is known any more. */
  lost(): void {
    this.current = unknown();
    this.last = undefined;
  }
}

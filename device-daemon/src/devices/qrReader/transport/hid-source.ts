
/** Whole input reports from a HID unit (HID is report-framed; a scanner in keyboard mode sends no output). */
export interface HidReportSource {
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  on(event: 'report', listener: (report: Buffer) => void): this;
  on(event: 'close', listener: (err?: Error) => void): this;
  off(event: 'report', listener: (report: Buffer) => void): this;
  off(event: 'close', listener: (err?: Error) => void): this;
}

// The production source is devices/core/node-hid-transport.ts (shared with the keypad).

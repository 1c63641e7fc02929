/**
 * What the rest of the daemon asks a printer to print: a device-independent description of a receipt.
 * The ESC/POS encoder turns it into bytes; layouts (ticket, scan receipt) build it. 80 mm paper holds
 * 48 columns of normal-width characters (a Chinese character takes two).
 */
export type Align = 'left' | 'center' | 'right';

export type PrintLine =
  /** `size` multiplies width and height (1..4); a Chinese character is two columns wide at size 1. */
  | { kind: 'text'; text: string; align?: Align; size?: 1 | 2 | 3 | 4; bold?: boolean }
  /** A native QR code (GS ( k), model 2; `moduleSize` in dots 1..16. */
  | { kind: 'qr'; data: string; moduleSize?: number; align?: Align }
  /** A full-width separator. */
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface PrintDocument {
  /** What this is, for logs and statistics (`ticket`, `scan-receipt`, `test-page`). Never personal data. */
  purpose: string;
  lines: PrintLine[];
}

export const PAPER_COLUMNS = 48;

import type { Align } from '../codec/document';
import type { DecodedEvent } from '../codec/decoder';

export interface ReceiptLine {
  text: string;
  align: Align;
  /** Character width multiplier (GS ! width). */
  size: number;
  bold: boolean;
}

/** One piece of paper as the simulated printer produced it. */
export interface Receipt {
  lines: ReceiptLine[];
  qr: string[];
  rasters: { width: number; height: number }[];
  cut: boolean;
  partialCut: boolean;
  /** When the last thing was printed on it. */
  at: string;
}

const MAX_RECEIPTS = 200;

/** Collects printed events into receipts: a cut ends one, and what follows starts the next. */
export class ReceiptRoll {
  private done: Receipt[] = [];
  private current: Receipt | undefined;

  constructor(private readonly now: () => Date) {}

  /** Puts a printing event on paper; returns the paper lines it used (for the roll running out). */
  add(e: DecodedEvent): number {
    switch (e.type) {
      case 'text':
        this.sheet().lines.push({ text: e.text, align: e.align, size: e.width, bold: e.bold });
        return e.height;
      case 'qr':
        this.sheet().qr.push(e.data);
        return 0;
      case 'raster':
        this.sheet().rasters.push({ width: e.width, height: e.height });
        return Math.ceil(e.height / 24);
      case 'feed':
        this.sheet();
        return e.lines;
      case 'cut': {
        const sheet = this.sheet();
        sheet.cut = true;
        sheet.partialCut = e.partial;
        this.done.push(sheet);
        if (this.done.length > MAX_RECEIPTS) this.done.shift();
        this.current = undefined;
        return e.feedLines;
      }
      default:
        return 0;
    }
  }

  private sheet(): Receipt {
    this.current ??= { lines: [], qr: [], rasters: [], cut: false, partialCut: false, at: '' };
    this.current.at = this.now().toISOString();
    return this.current;
  }

  /** Cut receipts, then the one still on the printer (not cut), newest last. */
  list(): Receipt[] {
    return this.current ? [...this.done, this.current] : [...this.done];
  }

  clear(): void {
    this.done = [];
    this.current = undefined;
  }
}

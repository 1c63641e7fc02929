import iconv from 'iconv-lite';
import type { Align } from './document';
import type { DecodedEvent, Style } from './events';
import { CR, DLE, EOT, ESC, FS, GS, LF, sizeFromByte, type StatusKind } from './commands';
import { decodeGsParenK, type QrState } from './decoder-gs';
import { knownLength } from './lengths';

export type { QrState } from './decoder-gs';
export type { DecodedEvent } from './events';
const ALIGNS: Align[] = ['left', 'center', 'right'];
/**
 * Bounds on what the decoder waits for, so a noisy line cannot make it hold bytes without end: text without
 * LF is printed once this long (a printer prints a full line buffer by itself), and a raster whose header
 * announces more than this many bytes is taken for noise (the largest ticket image is far smaller).
 */
export const MAX_TEXT_BYTES = 4096;
export const MAX_RASTER_BYTES = 1 << 20;

/**
 * A streaming ESC/POS decoder: feed it chunks of any size (a command may be split anywhere) and it calls
 * `emit` for every complete command or printed line. Text is decoded from GB18030 in Chinese mode
 * (a printer powers up in it) and from code page 437 after FS '.'.
 */
export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private text: Buffer[] = [];
  private textLength = 0;
  private textStyle: Style | undefined;
  private style: Style = defaultStyle();
  private chinese = true;
  private qr: QrState = { data: Buffer.alloc(0), moduleSize: 3, errorCorrection: 'L' };

  constructor(private readonly emit: (event: DecodedEvent) => void) {}

  push(chunk: Uint8Array): void {
    const buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    let i = 0;
    let textStart = -1;
    const flushText = (end: number) => {
      if (textStart >= 0) this.addText(buf.subarray(textStart, end));
      textStart = -1;
    };
    while (i < buf.length) {
      const b = buf[i]!;
      if (b >= 0x20) {
        if (textStart < 0) textStart = i;
        i++;
        continue;
      }
      flushText(i);
      const used = this.command(buf, i);
      if (used === 0) break; // incomplete: wait for more bytes
      i += used;
    }
    flushText(i);
    this.pending = i < buf.length ? Buffer.from(buf.subarray(i)) : Buffer.alloc(0);
  }

  /** Bytes held back because a command is not complete yet. */
  get buffered(): number {
    return this.pending.length;
  }

  private addText(bytes: Buffer): void {
    if (!this.textStyle) this.textStyle = { ...this.style };
    this.text.push(Buffer.from(bytes));
    this.textLength += bytes.length;
    if (this.textLength >= MAX_TEXT_BYTES) this.printLine(0);
  }

  private takeText(): { text: string; length: number; style: Style } {
    const bytes = Buffer.concat(this.text);
    const out = { text: iconv.decode(bytes, this.chinese ? 'gb18030' : 'cp437'), length: this.textLength, style: this.textStyle ?? { ...this.style } };
    this.text = [];
    this.textLength = 0;
    this.textStyle = undefined;
    return out;
  }

  /** Prints what is buffered (ESC d, GS V and friends print the buffer first). */
  private printLine(extra: number): void {
    const { text, length, style } = this.takeText();
    this.emit({ type: 'text', text, ...style, length: length + extra });
  }

  /** Returns the bytes used, or 0 when the command is not complete in `buf` from `i`. */
  private command(buf: Buffer, i: number): number {
    const need = (n: number) => i + n <= buf.length;
    const b = buf[i]!;
    if (b === LF) return this.printLine(1), 1;
    if (b === CR) return 1; // carriage return: ignored, as most thermal printers do by default
    if (b !== ESC && b !== GS && b !== FS && b !== DLE) return this.unknown([b]);
    if (!need(2)) return 0;
    const c = buf[i + 1]!;
    if (b === FS) {
      if (c === 0x26 || c === 0x2e) return this.emit({ type: 'chinese-mode', on: (this.chinese = c === 0x26), length: 2 }), 2;
      return this.unknownCommand(buf, i);
    }
    if (b === DLE) {
      if (c !== EOT) return this.unknown([b, c]);
      if (!need(3)) return 0;
      const n = buf[i + 2]!;
      if (n < 1 || n > 4) return this.unknown([b, c, n]);
      return this.emit({ type: 'status-request', n: n as StatusKind, length: 3 }), 3;
    }
    if (b === ESC) return this.escCommand(buf, i, c);
    return this.gsCommand(buf, i, c);
  }

  private escCommand(buf: Buffer, i: number, c: number): number {
    if (c === 0x40) {
      /* ESC @ */
      if (this.textLength) this.emit({ type: 'discarded', text: this.takeText().text, length: 0 });
      this.style = defaultStyle();
      this.chinese = true;
      return this.emit({ type: 'init', length: 2 }), 2;
    }
    if (![0x61, 0x45, 0x64, 0x4a, 0x21].includes(c)) return this.unknownCommand(buf, i);
    if (i + 3 > buf.length) return 0;
    const n = buf[i + 2]!;
    if (c === 0x61) this.style.align = ALIGNS[n % 48] ?? 'left'; /* ESC a n (0..2 or '0'..'2') */
    else if (c === 0x45) this.style.bold = (n & 1) === 1; /* ESC E n */
    else if (c === 0x21) Object.assign(this.style, { bold: (n & 0x08) !== 0, width: n & 0x20 ? 2 : 1, height: n & 0x10 ? 2 : 1 }); /* ESC ! n */
    if (c === 0x61 || c === 0x45 || c === 0x21) this.emit({ type: 'setting', command: `ESC ${String.fromCharCode(c)}`, value: n, length: 3 });
    else {
      if (this.textLength) this.printLine(0);
      if (c === 0x64) this.emit({ type: 'feed', lines: n, length: 3 }); /* ESC d n */
      else this.emit({ type: 'feed-dots', dots: n, length: 3 }); /* ESC J n */
    }
    return 3;
  }

  private gsCommand(buf: Buffer, i: number, c: number): number {
    const need = (n: number) => i + n <= buf.length;
    if (c === 0x21 || c === 0x61) {
      /* GS ! n: size; GS a n: automatic status back */
      if (!need(3)) return 0;
      const n = buf[i + 2]!;
      if (c === 0x21) {
        Object.assign(this.style, sizeFromByte(n));
        this.emit({ type: 'setting', command: 'GS !', value: n, length: 3 });
      } else this.emit({ type: 'asb', mask: n, length: 3 });
      return 3;
    }
    if (c === 0x56) {
      /* GS V m [n]: cut, after printing what is buffered */
      if (!need(3)) return 0;
      const m = buf[i + 2]!;
      const withFeed = m === 0x41 || m === 0x42;
      if (withFeed && !need(4)) return 0;
      if (![0x00, 0x01, 0x30, 0x31, 0x41, 0x42].includes(m)) return this.unknown([GS, c, m]);
      if (this.textLength) this.printLine(0);
      const partial = m === 0x01 || m === 0x31 || m === 0x42;
      this.emit({ type: 'cut', partial, feedLines: withFeed ? buf[i + 3]! : 0, length: withFeed ? 4 : 3 });
      return withFeed ? 4 : 3;
    }
    if (c === 0x28) return decodeGsParenK(buf, i, this.qr, this.style.align, this.emit);
    if (c === 0x76) {
      /* GS v 0 m xL xH yL yH d1...dk */
      if (!need(8)) return 0;
      if (buf[i + 2] !== 0x30) return this.unknown([GS, c, buf[i + 2]!]);
      const x = buf[i + 4]! | (buf[i + 5]! << 8);
      const y = buf[i + 6]! | (buf[i + 7]! << 8);
      if (x * y > MAX_RASTER_BYTES) return this.unknown([GS, c, buf[i + 2]!]);
      if (!need(8 + x * y)) return 0;
      const data = new Uint8Array(buf.subarray(i + 8, i + 8 + x * y));
      this.emit({ type: 'raster', width: x * 8, height: y, data, align: this.style.align, length: 8 + x * y });
      return 8 + x * y;
    }
    return this.unknownCommand(buf, i);
  }

  /** A command we do not interpret: skipped whole when its length is known, else just its two bytes. */
  private unknownCommand(buf: Buffer, i: number): number {
    const length = knownLength(buf[i]!, buf[i + 1]!) ?? 2;
    if (i + length > buf.length) return 0;
    return this.unknown([...buf.subarray(i, i + length)]);
  }

  private unknown(bytes: number[]): number {
    this.emit({ type: 'unknown', bytes, length: bytes.length });
    return bytes.length;
  }
}

function defaultStyle(): Style {
  return { align: 'left', width: 1, height: 1, bold: false };
}

/** Decodes a complete byte string (tests, tools). */
export function decodeAll(bytes: Uint8Array): DecodedEvent[] {
  const events: DecodedEvent[] = [];
  new EscPosDecoder((e) => events.push(e)).push(bytes);
  return events;
}

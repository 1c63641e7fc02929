import iconv from 'iconv-lite';

/**
 * How one character reaches the paper. A printer in Chinese mode prints printable ASCII as 1 byte, 1 column,
 * and every 2-byte GB18030 code (GBK plus the 2-byte additions such as U+4DAE 䶮 = FE 9F) as 2 columns.
 * Four-byte GB18030 codes (U+3400 = 81 39 EE 39, emoji, ...) are beyond many printers' fonts: such a
 * character is `native: false` and its line is printed as a raster image instead.
 */
export interface Glyph {
  ch: string;
  /** The GB18030 bytes sent in text mode (empty for a non-native character). */
  bytes: Buffer;
  columns: 1 | 2;
  native: boolean;
}

const cache = new Map<string, Glyph>();
const CACHE_LIMIT = 20_000;
/** Printable ASCII, made once: most of a ticket is digits and Latin letters. */
const ASCII: Glyph[] = Array.from({ length: 0x7f }, (_, code) => {
  const c = code < 0x20 ? 0x20 : code;
  return { ch: String.fromCharCode(c), bytes: Buffer.from([c]), columns: 1, native: true };
});

function isTwoByte(b: Buffer): boolean {
  // GB18030 2-byte codes: lead 0x81..0xFE, trail 0x40..0x7E or 0x80..0xFE.
  return b.length === 2 && b[0]! >= 0x81 && b[0]! <= 0xfe && b[1]! >= 0x40 && b[1]! <= 0xfe && b[1] !== 0x7f;
}

/**
 * One code point. Control characters would corrupt the command stream, so they print as a space
 * (a tab included); line breaks are handled by `wrapText` before this is called.
 */
export function glyphOf(ch: string): Glyph {
  const code = ch.codePointAt(0)!;
  if (code < 0x7f) return ASCII[code]!;
  if (code === 0x7f) return ASCII[0x20]!;
  const hit = cache.get(ch);
  if (hit) return hit;
  const bytes = iconv.encode(ch, 'gb18030');
  // A lone surrogate encodes as '?' (one byte): it has no code, so it goes the raster way too.
  const glyph: Glyph = isTwoByte(bytes)
    ? { ch, bytes, columns: 2, native: true }
    : { ch, bytes: Buffer.alloc(0), columns: 2, native: false };
  if (cache.size < CACHE_LIMIT) cache.set(ch, glyph);
  return glyph;
}

export function glyphsOf(text: string): Glyph[] {
  return Array.from(text, glyphOf);
}

export const columnsOf = (glyphs: readonly Glyph[]) => glyphs.reduce((n, g) => n + g.columns, 0);

/**
 * Wraps text into lines of at most `columns` columns (a CJK character counts 2). Latin words are kept
 * whole when a space allows; CJK text breaks anywhere. Explicit '\n' starts a new line.
 */
export function wrapText(text: string, columns: number): Glyph[][] {
  const out: Glyph[][] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: Glyph[] = [];
    let width = 0;
    for (const g of glyphsOf(paragraph)) {
      if (width + g.columns > columns && line.length > 0) {
        let carry: Glyph[] = [];
        const space = g.ch !== ' ' && g.columns === 1 ? lastBreakableSpace(line) : -1;
        if (space > 0) {
          carry = line.slice(space + 1);
          line = line.slice(0, space);
        }
        out.push(trimEnd(line));
        line = carry;
        width = columnsOf(carry);
        if (g.ch === ' ' && line.length === 0) continue; // no leading space on a continued line
      }
      line.push(g);
      width += g.columns;
    }
    out.push(trimEnd(line));
  }
  return out;
}

/** Index of the space before the trailing Latin word of `line`, or -1 if the tail is not a Latin word. */
function lastBreakableSpace(line: Glyph[]): number {
  for (let i = line.length - 1; i >= 0; i--) {
    const g = line[i]!;
    if (g.ch === ' ') return i;
    if (g.columns !== 1) return -1;
  }
  return -1;
}

function trimEnd(line: Glyph[]): Glyph[] {
  let end = line.length;
  while (end > 0 && line[end - 1]!.ch === ' ') end--;
  return end === line.length ? line : line.slice(0, end);
}

export const isNativeLine = (line: readonly Glyph[]) => line.every((g) => g.native);
/** The text-mode bytes of a native line: one iconv pass over the line (same bytes as glyph by glyph). */
export const lineBytes = (line: readonly Glyph[]) => iconv.encode(line.map((g) => g.ch).join(''), 'gb18030');

import type { Align, PrintDocument, PrintLine } from './document';
import { PAPER_COLUMNS } from './document';
import { ALIGN_CODE, ESC_AT, FS_AMP, LF, escAlign, escBold, escFeedLines, gsCut, gsSize } from './commands';
import { qrCommands } from './qr';
import { rasterCommand, type Rasteriser } from './raster';
import { isNativeLine, lineBytes, wrapText } from './text';

export interface EncodeOptions {
  /** Draws lines that hold characters without a 2-byte GB18030 code. */
  rasterise: Rasteriser;
  cut?: 'full' | 'partial';
  columns?: number;
}

export interface EncodedDocument {
  bytes: Buffer;
  /** Printed lines (text and raster lines, rules), for ReceiptLinePrintedCount. */
  lines: number;
  rasterLines: number;
  cuts: number;
}

interface Mode {
  align: Align;
  size: number;
  bold: boolean;
}

/**
 * PrintDocument -> ESC/POS bytes. Starts with ESC @ then FS & (Chinese mode back on: ESC @ alone leaves some
 * printers in single-byte mode). Mode commands are sent only when the mode changes, to keep wire time short.
 */
export async function encodeDocument(doc: PrintDocument, opts: EncodeOptions): Promise<EncodedDocument> {
  const columns = opts.columns ?? PAPER_COLUMNS;
  const out: (Buffer | number[])[] = [[...ESC_AT], [...FS_AMP]];
  const mode: Mode = { align: 'left', size: 1, bold: false };
  const result = { lines: 0, rasterLines: 0, cuts: 0 };
  const setMode = (want: Mode) => {
    if (want.align !== mode.align) out.push(escAlign(ALIGN_CODE[want.align]));
    if (want.size !== mode.size) out.push(gsSize(want.size, want.size));
    if (want.bold !== mode.bold) out.push(escBold(want.bold));
    Object.assign(mode, want);
  };

  for (const line of doc.lines) await encodeLine(line);
  return { bytes: Buffer.concat(out.map((b) => (Buffer.isBuffer(b) ? b : Buffer.from(b)))), ...result };

  async function encodeLine(line: PrintLine): Promise<void> {
    switch (line.kind) {
      case 'text': {
        const size = line.size ?? 1;
        const want: Mode = { align: line.align ?? 'left', size, bold: line.bold ?? false };
        for (const glyphs of wrapText(line.text, Math.floor(columns / size))) {
          result.lines++;
          if (isNativeLine(glyphs)) {
            setMode(want);
            out.push(lineBytes(glyphs), [LF]);
          } else {
            // The whole line becomes one full-width image with its alignment drawn in, so ESC a is left.
            result.rasterLines++;
            setMode({ ...want, align: 'left', size: 1 });
            out.push(rasterCommand(await opts.rasterise({ glyphs, align: want.align, size, bold: want.bold })));
          }
        }
        return;
      }
      case 'qr':
        setMode({ align: line.align ?? 'center', size: 1, bold: false });
        out.push(qrCommands(line.data, line.moduleSize));
        return;
      case 'rule':
        result.lines++;
        setMode({ align: 'left', size: 1, bold: false });
        out.push(Buffer.from('-'.repeat(columns)), [LF]);
        return;
      case 'feed':
        out.push(escFeedLines(line.lines));
        return;
      case 'cut':
        result.cuts++;
        out.push(gsCut(opts.cut === 'partial'));
        return;
    }
  }
}

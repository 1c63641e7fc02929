import { GS_V_RASTER, le16 } from './commands';
import type { Align } from './document';
import type { Glyph } from './text';

/** A 1-bit image: rows of `width / 8` bytes, most significant bit leftmost, 1 = black dot. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A whole text line to be drawn as an image because some character has no 2-byte code. */
export interface RasterLine {
  glyphs: readonly Glyph[];
  align: Align;
  size: number;
  bold: boolean;
}

/** Renders a line on the printer's column grid; the encoder is given one (see raster-render.ts). */
export type Rasteriser = (line: RasterLine) => Promise<Bitmap>;

/** 80 mm paper: 576 dots across at 203 dpi; font A is 12 x 24 dots, so 48 columns of 12 dots. */
export const DOTS_PER_LINE = 576;
export const DOTS_PER_COLUMN = 12;
export const LINE_HEIGHT_DOTS = 24;

/** GS v 0 m xL xH yL yH d...: x counts bytes per row, y counts rows (dots). */
export function rasterCommand(bitmap: Bitmap): Buffer {
  const bytesPerRow = bitmap.width / 8;
  if (!Number.isInteger(bytesPerRow) || bitmap.data.length !== bytesPerRow * bitmap.height) {
    throw new Error(`bitmap ${bitmap.width}x${bitmap.height} does not match ${bitmap.data.length} data bytes`);
  }
  /* GS v 0, m = 0 (normal density) */
  return Buffer.concat([Buffer.from([...GS_V_RASTER, 0x00, ...le16(bytesPerRow), ...le16(bitmap.height)]), bitmap.data]);
}

/** Packs 8-bit grey pixels (one channel, row-major) into a bitmap: darker than `threshold` is a dot. */
export function packGrey(grey: Uint8Array, width: number, height: number, threshold = 128): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x]! < threshold) data[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: bytesPerRow * 8, height, data };
}

/** Number of black dots; tests use it to tell a drawn line from a blank one. */
export function inkDots(bitmap: Bitmap): number {
  let n = 0;
  for (const byte of bitmap.data) for (let b = byte; b; b &= b - 1) n++;
  return n;
}

import { describe, expect, it } from 'vitest';
import { lineSvg, sharpRasteriser } from './raster-render';
import { inkDots, type Bitmap } from './codec/raster';
import { glyphsOf } from './codec/text';

/** Black dots in columns [from, to) of the printer grid (12 dots a column). */
function inkBetween(b: Bitmap, fromCol: number, toCol: number): number {
  let n = 0;
  for (let y = 0; y < b.height; y++)
    for (let x = fromCol * 12; x < toCol * 12; x++) if (b.data[y * (b.width / 8) + (x >> 3)]! & (0x80 >> (x & 7))) n++;
  return n;
}

describe('sharpRasteriser', () => {
  it('draws a whole line, full width, on the column grid', async () => {
    const b = await sharpRasteriser({ glyphs: glyphsOf('张\u3400明'), align: 'left', size: 1, bold: false });
    expect([b.width, b.height]).toEqual([576, 24]);
    expect(inkBetween(b, 2, 4)).toBeGreaterThan(20); // U+3400 drawn in columns 2-3 (wqy-zenhei has it)
    expect(inkBetween(b, 6, 48)).toBe(0);
  });

  it('puts a centred line in the middle and scales with size', async () => {
    const b = await sharpRasteriser({ glyphs: glyphsOf('\u3400'), align: 'center', size: 2, bold: false });
    expect(b.height).toBe(48);
    expect(inkBetween(b, 0, 20) + inkBetween(b, 28, 48)).toBe(0);
    expect(inkBetween(b, 22, 26)).toBeGreaterThan(40);
  });

  it('draws nothing for spaces and escapes markup characters', async () => {
    expect(inkDots(await sharpRasteriser({ glyphs: glyphsOf('   '), align: 'left', size: 1, bold: false }))).toBe(0);
    expect(lineSvg({ glyphs: glyphsOf('<&>'), align: 'left', size: 1, bold: false })).toContain('&#60;');
  });
});

import { describe, expect, it } from 'vitest';
import { encodeDocument } from './encoder';
import type { Bitmap, RasterLine } from './raster';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
/** A rasteriser that records what it was asked and draws a known 16x2 pattern. */
function fakeRaster() {
  const asked: RasterLine[] = [];
  const bitmap: Bitmap = { width: 16, height: 2, data: Uint8Array.from([0xff, 0x00, 0x0f, 0xf0]) };
  return { asked, rasterise: async (l: RasterLine) => (asked.push(l), bitmap) };
}

describe('encodeDocument', () => {
  it('encodes a small receipt to the exact ESC/POS bytes', async () => {
    const { rasterise } = fakeRaster();
    const out = await encodeDocument(
      {
        purpose: 'test',
        lines: [
          { kind: 'text', text: '中A', align: 'center', bold: true, size: 2 },
          { kind: 'qr', data: 'AB', moduleSize: 4 },
          { kind: 'feed', lines: 3 },
          { kind: 'cut' },
        ],
      },
      { rasterise },
    );
    expect(out.bytes.toString('hex')).toBe(
      hex(`
        1b40 1c26
        1b6101 1d2111 1b4501 d6d041 0a
        1d2100 1b4500
        1d286b 0400 31 41 32 00
        1d286b 0300 31 43 04
        1d286b 0300 31 45 31
        1d286b 0500 31 50 30 4142
        1d286b 0300 31 51 30
        1b6403
        1d5600`).toString('hex'),
    );
    // ESC @ init, FS & Chinese mode; ESC a 1, GS ! 0x11, ESC E 1, GB18030 "中A", LF; QR model 2/size 4/EC M/
    // store pL = 2 + 3/print; ESC d 3; GS V 0.
    expect(out).toMatchObject({ lines: 1, cuts: 1, rasterLines: 0 });
  });

  it('never sends FS . (Chinese mode off)', async () => {
    const { rasterise } = fakeRaster();
    const out = await encodeDocument({ purpose: 't', lines: [{ kind: 'text', text: '政务服务 ABC' }] }, { rasterise });
    expect(out.bytes.includes(Buffer.from([0x1c, 0x2e]))).toBe(false);
  });

  it('sends partial cut when asked, and a rule of 48 columns', async () => {
    const { rasterise } = fakeRaster();
    const out = await encodeDocument({ purpose: 't', lines: [{ kind: 'rule' }, { kind: 'cut' }] }, { rasterise, cut: 'partial' });
    expect(out.bytes.toString('hex')).toBe(hex(`1b40 1c26 ${'2d'.repeat(48)} 0a 1d5601`).toString('hex'));
  });

  it('prints U+4DAE 䶮 natively as FE 9F, but a line with U+3400 as a GS v 0 raster of the whole line', async () => {
    const fake = fakeRaster();
    const out = await encodeDocument(
      { purpose: 't', lines: [{ kind: 'text', text: '䶮' }, { kind: 'text', text: '张㐀明', align: 'right', size: 2 }] },
      fake,
    );
    // ESC @, FS &, FE 9F LF, then GS v 0 m=0 xL=2 xH=0 yL=2 yH=0 + 4 data bytes, no ESC a / GS ! change.
    expect(out.bytes.toString('hex')).toBe(hex('1b40 1c26 fe9f 0a 1d7630 00 0200 0200 ff000ff0').toString('hex'));
    expect(fake.asked).toHaveLength(1);
    expect(fake.asked[0]!.glyphs.map((g) => g.ch).join('')).toBe('张㐀明');
    expect(fake.asked[0]).toMatchObject({ align: 'right', size: 2, bold: false });
    expect(out).toMatchObject({ lines: 2, rasterLines: 1 });
  });

  it('wraps at 48 columns (CJK = 2) and at 48/size columns for larger sizes', async () => {
    const { rasterise } = fakeRaster();
    const text = '一二三四五六七八九十'.repeat(3); // 30 characters = 60 columns
    const small = await encodeDocument({ purpose: 't', lines: [{ kind: 'text', text }] }, { rasterise });
    expect(small.lines).toBe(2); // 24 + 6 characters
    const big = await encodeDocument({ purpose: 't', lines: [{ kind: 'text', text, size: 3 }] }, { rasterise });
    expect(big.lines).toBe(4); // 16 columns = 8 characters a line
  });

  it('refuses a QR payload larger than a level-M symbol holds', async () => {
    const { rasterise } = fakeRaster();
    await expect(
      encodeDocument({ purpose: 't', lines: [{ kind: 'qr', data: 'x'.repeat(3000) }] }, { rasterise }),
    ).rejects.toMatchObject({ code: 'PRINT_QR_TOO_LONG' });
  });
});

import { describe, expect, it } from 'vitest';
import { decodePnm, encodePnm } from './pnm';
import { PnmAssembler, readPnm } from './pnm-assembler';

const page = encodePnm({ width: 5, height: 3, channels: 1, data: Buffer.from(Array.from({ length: 15 }, (_, i) => i * 17)) });

/** Feeds `bytes` in pieces of `size` and returns the assembled buffer and the sizes asked of allocate. */
function assemble(bytes: Buffer, size: number, allocate?: (n: number) => Buffer) {
  const asked: number[] = [];
  const a = new PnmAssembler((n) => (asked.push(n), allocate ? allocate(n) : Buffer.alloc(n)));
  for (let i = 0; i < bytes.length; i += size) a.push(bytes.subarray(i, i + size));
  return { out: a.end(), asked };
}

describe('PnmAssembler', () => {
  it('gives the same image whatever the chunking, asking once for exactly its size', () => {
    for (const size of [1, 2, 7, 29, 1000]) {
      const { out, asked } = assemble(page, size);
      expect(asked).toEqual([page.length]);
      expect(out.equals(page)).toBe(true);
    }
  });

  it('fills a reused buffer and drops bytes past the image', () => {
    const pool = Buffer.alloc(100, 0xee);
    const { out } = assemble(Buffer.concat([page, Buffer.from('trailing')]), 4, (n) => pool.subarray(0, n));
    expect(out.buffer).toBe(pool.buffer);
    expect([...decodePnm(out).data]).toEqual([...decodePnm(page).data]);
  });

  it('does not take a number cut at a chunk boundary for the whole number', () => {
    const wide = encodePnm({ width: 12, height: 1, channels: 1, data: Buffer.alloc(12, 9) });
    const cut = wide.indexOf('12') + 1; // "1" then "2 1\n255\n..."
    const { asked } = assemble(Buffer.concat([wide.subarray(0, cut), wide.subarray(cut)]), wide.length);
    expect(asked).toEqual([wide.length]);
  });

  it('passes on what is not PNM, or is cut short, for decodePnm to refuse', () => {
    expect(() => decodePnm(assemble(Buffer.from('GIF89a and more'), 3).out)).toThrow(/not a PNM/);
    expect(() => decodePnm(assemble(page.subarray(0, page.length - 4), 5).out)).toThrow(/cut short/);
    expect(() => decodePnm(assemble(Buffer.from('P5\n4'), 2).out)).toThrow(/cut short/);
  });
});

describe('readPnm (an image in a file)', () => {
  /** `bytes` as a file read at most `most` bytes at a time, as pread may. */
  const file = (bytes: Buffer, most = Infinity) => async (into: Buffer, position: number) => {
    const n = Math.max(0, Math.min(into.length, most, bytes.length - position));
    bytes.copy(into, 0, position, position + n);
    return n;
  };

  it('asks once for the image size and fills that buffer, in reads of any size', async () => {
    for (const most of [3, 1000]) {
      const asked: number[] = [];
      const pool = Buffer.alloc(100, 0xee);
      const withTail = Buffer.concat([page, Buffer.from('trailing')]);
      const out = await readPnm(withTail.length, file(withTail, most), (n) => (asked.push(n), pool.subarray(0, n)));
      expect(asked).toEqual([page.length]);
      expect(out.buffer).toBe(pool.buffer);
      expect(out.equals(page)).toBe(true);
    }
  });

  it('passes on what is not PNM, or is cut short, for decodePnm to refuse', async () => {
    const gif = Buffer.from('GIF89a and more');
    await expect(readPnm(gif.length, file(gif)).then(decodePnm)).rejects.toThrow(/not a PNM/);
    const short = page.subarray(0, page.length - 4);
    await expect(readPnm(short.length, file(short)).then(decodePnm)).rejects.toThrow(/cut short/);
    await expect(readPnm(4, file(Buffer.from('P5\n4'))).then(decodePnm)).rejects.toThrow(/cut short/);
    await expect(readPnm(0, file(Buffer.alloc(0))).then(decodePnm)).rejects.toThrow(/not a PNM/);
  });
});

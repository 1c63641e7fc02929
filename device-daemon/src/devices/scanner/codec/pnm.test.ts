import { describe, expect, it } from 'vitest';
import { decodePnm, encodePnm, parsePnmHeader } from './pnm';

describe('PNM', () => {
  it('parses the header scanimage writes, comment included', () => {
    const buf = Buffer.from('P5\n# SANE data follows\n3 2\n255\n\x00\x80\xff\x01\x02\x03', 'latin1');
    expect(parsePnmHeader(buf)).toEqual({ magic: 'P5', width: 3, height: 2, maxval: 255, offset: 31 });
    const img = decodePnm(buf);
    expect([img.width, img.height, img.channels]).toEqual([3, 2, 1]);
    expect([...img.data]).toEqual([0, 0x80, 0xff, 1, 2, 3]);
  });

  it('round-trips RGB through the encoder', () => {
    const data = Buffer.from([1, 2, 3, 4, 5, 6]);
    const img = decodePnm(encodePnm({ width: 2, height: 1, channels: 3, data }));
    expect(img.channels).toBe(3);
    expect([...img.data]).toEqual([...data]);
  });

  it('unpacks 1-bit P4 (1 = black) and scales 16-bit samples to 8 bits', () => {
    const p4 = decodePnm(Buffer.concat([Buffer.from('P4\n10 1\n', 'latin1'), Buffer.from([0b10100000, 0b01000000])]));
    expect([...p4.data]).toEqual([0, 255, 0, 255, 255, 255, 255, 255, 255, 0]);
    const p16 = decodePnm(Buffer.concat([Buffer.from('P5\n2 1\n65535\n', 'latin1'), Buffer.from([0xff, 0xff, 0x80, 0x00])]));
    expect([...p16.data]).toEqual([255, 128]);
  });

  it('refuses what is not a whole PNM image', () => {
    expect(() => decodePnm(Buffer.from('GIF89a'))).toThrow(/not a PNM/);
    expect(() => decodePnm(Buffer.from('P5\n4 4\n255\n\x00', 'latin1'))).toThrow(/cut short/);
    expect(() => decodePnm(Buffer.from('P5\n4', 'latin1'))).toThrow(/cut short/);
  });
});

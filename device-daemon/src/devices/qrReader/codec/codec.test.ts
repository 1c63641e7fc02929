import { describe, expect, it } from 'vitest';
import { SUFFIX_BYTES, SuffixFramer } from './suffix';
import { decodeScan, encodeScan, isPrintable } from './text';
import { KeyboardDecoder, encodeTyping, usageToChar } from './hid-keyboard';

const texts = (results: ReturnType<SuffixFramer['feed']>) => results.map((r) => (r.ok ? r.bytes.toString('latin1') : r.code));

describe('suffix framing', () => {
  it('splits codes on CR however the chunks fall', () => {
    const f = new SuffixFramer(SUFFIX_BYTES.CR, 64);
    expect(texts(f.feed(Buffer.from('YY-K7P')))).toEqual([]);
    expect(f.pending).toBe(6);
    expect(texts(f.feed(Buffer.from('3Q9\rAB\r')))).toEqual(['YY-K7P3Q9', 'AB']);
    expect(f.pending).toBe(0);
  });

  it('needs the whole CR LF, byte by byte', () => {
    const f = new SuffixFramer(SUFFIX_BYTES.CRLF, 64);
    const out = [...Buffer.from('A\rB\r\n')].flatMap((b) => texts(f.feed(Uint8Array.of(b))));
    expect(out).toEqual(['A\rB']);
  });

  it('reports a run of noise longer than a code once, then frames the next code', () => {
    const f = new SuffixFramer(SUFFIX_BYTES.CR, 8);
    expect(texts(f.feed(Buffer.from('0123456789abcdef\rOK\r')))).toEqual(['QR_TOO_LONG', 'OK']);
  });

  it('drops a half code and ignores empty frames', () => {
    const f = new SuffixFramer(SUFFIX_BYTES.CR, 64);
    f.feed(Buffer.from('HALF'));
    expect(f.discard()).toBe(4);
    expect(texts(f.feed(Buffer.from('\r\rX\r')))).toEqual(['X']);
  });
});

describe('text decoding', () => {
  it('decodes GB18030 and UTF-8 bytes of the same Chinese text (golden bytes)', () => {
    const gb = Buffer.from('d4a4d4bc', 'hex'); // 预约 in GB18030
    const u8 = Buffer.from('e9a284e7baa6', 'hex'); // 预约 in UTF-8
    expect(encodeScan('预约', 'gb18030')).toEqual(gb);
    expect(encodeScan('预约', 'utf-8')).toEqual(u8);
    expect(decodeScan(gb, 'auto')).toBe('预约');
    expect(decodeScan(u8, 'auto')).toBe('预约');
    expect(decodeScan(gb, 'gb18030')).toBe('预约');
    expect(decodeScan(Buffer.from('efbbbf41', 'hex'), 'utf-8')).toBe('A');
  });

  it('refuses bytes that are neither, and tells noise from text', () => {
    expect(() => decodeScan(Buffer.from([0xc3]), 'utf-8')).toThrow(/不是可识别的文字/);
    expect(isPrintable('YY-K7P3Q9')).toBe(true);
    expect(isPrintable('A\u0002B')).toBe(false);
  });
});

describe('HID keyboard mode', () => {
  it('types letters, shifted symbols and Enter from boot reports (golden reports)', () => {
    const d = new KeyboardDecoder();
    const reports = ['0000040000000000', '0000000000000000', '0200040000000000', '0000000000000000', '02001e0000000000', '0000000000000000', '0000280000000000', '0000000000000000'];
    const text = reports.map((h) => d.feed(Buffer.from(h, 'hex')).text).join('');
    expect(text).toBe('aA!\r');
  });

  it('types a held key once and round-trips what the simulator encodes', () => {
    const d = new KeyboardDecoder();
    expect(d.feed(Buffer.from('0000050000000000', 'hex')).text).toBe('b');
    expect(d.feed(Buffer.from('0000050000000000', 'hex')).text).toBe('');
    d.reset();
    const typed = encodeTyping('https://hall.example/m/a/YY-K7P3?x=1\r').map((r) => d.feed(r).text).join('');
    expect(typed).toBe('https://hall.example/m/a/YY-K7P3?x=1\r');
    expect(usageToChar(0x27, false)).toBe('0');
  });

  it('counts short and foreign reports as errors', () => {
    const d = new KeyboardDecoder();
    expect(d.feed(Buffer.from('0000', 'hex')).errors).toBe(1);
    expect(d.feed(Buffer.from('020000040000000000', 'hex'), 1).errors).toBe(1);
    expect(d.feed(Buffer.from('010000040000000000', 'hex'), 1).text).toBe('a');
  });
});

import { describe, expect, it } from 'vitest';
import { EscPosDecoder, MAX_TEXT_BYTES, decodeAll, type DecodedEvent } from './decoder';
import { encodeDocument } from './encoder';
import type { PrintDocument } from './document';

const rasterise = async () => ({ width: 576, height: 24, data: new Uint8Array(72 * 24).fill(0x81) });
const ticket: PrintDocument = {
  purpose: 'ticket',
  lines: [
    { kind: 'text', text: '潮安区政务服务中心', align: 'center', bold: true, size: 2 },
    { kind: 'rule' },
    { kind: 'text', text: 'A012', align: 'center', bold: true, size: 4 },
    { kind: 'text', text: '您前面还有 3 人等候' },
    { kind: 'text', text: '申请人：张㐀' },
    { kind: 'qr', data: 'http://127.0.0.1:8080/m/t/abc', moduleSize: 6 },
    { kind: 'text', text: '过号请重新取号', align: 'center' },
    { kind: 'feed', lines: 3 },
    { kind: 'cut' },
  ],
};

const summary = (events: DecodedEvent[]) =>
  events.map((e) =>
    e.type === 'text' ? `text:${e.align}:${e.width}x${e.height}:${e.bold ? 'b' : ''}:${e.text}`
    : e.type === 'qr' ? `qr:${e.data}:${e.moduleSize}:${e.errorCorrection}`
    : e.type === 'raster' ? `raster:${e.width}x${e.height}`
    : e.type === 'cut' ? `cut:${e.partial}`
    : e.type === 'feed' ? `feed:${e.lines}`
    : e.type,
  ).filter((s) => s !== 'setting');

describe('EscPosDecoder', () => {
  it('decodes an encoded ticket back to its text, QR, raster line and cut', async () => {
    const { bytes } = await encodeDocument(ticket, { rasterise });
    expect(summary(decodeAll(bytes))).toEqual([
      'init',
      'chinese-mode',
      'text:center:2x2:b:潮安区政务服务中心',
      `text:left:1x1::${'-'.repeat(48)}`,
      'text:center:4x4:b:A012',
      'text:left:1x1::您前面还有 3 人等候',
      'raster:576x24',
      'qr:http://127.0.0.1:8080/m/t/abc:6:M',
      'text:center:1x1::过号请重新取号',
      'feed:3',
      'cut:false',
    ]);
  });

  it('gives the same events when the bytes arrive one at a time', async () => {
    const { bytes } = await encodeDocument(ticket, { rasterise });
    const events: DecodedEvent[] = [];
    const d = new EscPosDecoder((e) => events.push(e));
    for (const b of bytes) d.push(Uint8Array.of(b));
    expect(summary(events)).toEqual(summary(decodeAll(bytes)));
    expect(d.buffered).toBe(0);
    expect(events.reduce((n, e) => n + e.length, 0)).toBe(bytes.length);
  });

  it('keeps a split 2-byte character and a split command whole', () => {
    const events: DecodedEvent[] = [];
    const d = new EscPosDecoder((e) => events.push(e));
    d.push(Buffer.from([0xd6])); // first byte of 中
    d.push(Buffer.from([0xd0, 0x0a, 0x1d])); // second byte, LF, first byte of GS V
    expect(d.buffered).toBe(1);
    d.push(Buffer.from([0x56, 0x01]));
    expect(summary(events)).toEqual(['text:left:1x1::中', 'cut:true']);
  });

  it('answers DLE EOT requests as events even between print data', () => {
    expect(decodeAll(Buffer.from('1004011004041b40', 'hex')).map((e) => e.type === 'status-request' ? e.n : e.type)).toEqual([1, 4, 'init']);
  });

  it('reports unknown commands instead of eating them, and skips known-length ones whole', () => {
    const events = decodeAll(Buffer.from('1b7400' + '1b5a' + '07' + '41' + '0a', 'hex'));
    expect(events.filter((e) => e.type === 'unknown').map((e) => (e as { bytes: number[] }).bytes)).toEqual([
      [0x1b, 0x74, 0x00], // ESC t 0: code page, length known
      [0x1b, 0x5a], // ESC Z: not known
      [0x07], // BEL
    ]);
    expect(summary(events).at(-1)).toBe('text:left:1x1::A');
  });

  it('decodes in code page 437 after FS . (Chinese mode off) and reports ESC @ discarding text', () => {
    const off = decodeAll(Buffer.from('1c2ed6d00a', 'hex'));
    expect(summary(off)).toEqual(['chinese-mode', 'text:left:1x1::╓╨']);
    const discarded = decodeAll(Buffer.from('41421b40', 'hex'));
    expect(discarded.map((e) => e.type)).toEqual(['discarded', 'init']);
  });

  it('holds a bounded number of bytes on a noisy line: long text is printed, an absurd raster header is noise', () => {
    const events: DecodedEvent[] = [];
    const d = new EscPosDecoder((e) => events.push(e));
    for (let i = 0; i < 100; i++) d.push(Buffer.alloc(1000, 0x41)); // 100 kB of 'A' without LF
    expect(d.buffered).toBe(0);
    const printed = events.reduce((n, e) => n + (e.type === 'text' ? e.text.length : 0), 0);
    expect(printed).toBeGreaterThan(100_000 - MAX_TEXT_BYTES); // what is held back stays under one line buffer
    events.length = 0;
    d.push(Buffer.from([0x0a, 0x1d, 0x76, 0x30, 0x00, 0xff, 0xff, 0xff, 0xff])); // GS v 0 announcing 4 GB
    d.push(Buffer.from([0x10, 0x04, 0x01])); // DLE EOT 1 behind it is still heard
    expect(events.some((e) => e.type === 'status-request')).toBe(true);
    expect(d.buffered).toBeLessThan(16);
  });
});

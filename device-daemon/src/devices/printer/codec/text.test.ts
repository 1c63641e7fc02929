import { describe, expect, it } from 'vitest';
import { glyphOf, isNativeLine, lineBytes, wrapText } from './text';

const join = (lines: ReturnType<typeof wrapText>) => lines.map((l) => l.map((g) => g.ch).join(''));

describe('glyphOf', () => {
  it('classifies by GB18030 length', () => {
    expect(glyphOf('A')).toMatchObject({ columns: 1, native: true });
    expect(glyphOf('中').bytes.toString('hex')).toBe('d6d0');
    expect(glyphOf('䶮').bytes.toString('hex')).toBe('fe9f'); // 2-byte in GB18030, not in GBK
    expect(glyphOf('\u3400')).toMatchObject({ native: false, columns: 2 }); // 81 39 EE 39
    expect(glyphOf('😀')).toMatchObject({ native: false });
    expect(glyphOf('\ud800')).toMatchObject({ native: false }); // lone surrogate: no code at all
  });

  it('turns control characters into spaces so they cannot act as commands', () => {
    expect(lineBytes([glyphOf('\x1b'), glyphOf('\t'), glyphOf('x')]).toString('hex')).toBe('202078');
  });
});

describe('wrapText', () => {
  it('keeps Latin words whole and breaks CJK anywhere', () => {
    expect(join(wrapText('hello world again', 12))).toEqual(['hello world', 'again']);
    expect(join(wrapText('排队取号凭条', 5))).toEqual(['排队', '取号', '凭条']);
    expect(join(wrapText('a\nb', 10))).toEqual(['a', 'b']);
  });

  it('cuts an over-long word rather than overflowing', () => {
    expect(join(wrapText('abcdefghij', 4))).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('marks only the line that holds a 4-byte character as non-native', () => {
    const lines = wrapText('一二三\u3400五六', 6);
    expect(lines.map(isNativeLine)).toEqual([true, false]);
  });
});

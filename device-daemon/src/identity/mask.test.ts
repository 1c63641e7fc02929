import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './mask';

describe('masking (docs/INTERFACE.md)', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张*明'],
    ['欧阳娜娜', '欧**娜'],
    ['刘䶮', '刘*'],
    ['𠀀小明', '𠀀*明'],
    ['王', '*'],
    ['SMITH, JOHN', 'S*********N'],
  ])('%s -> %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps 4 + 4 of an 18-character number', () => {
    expect(maskIdNumber('440103198503121234')).toBe('4401**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps 4 + 4 of a 15-character PR number (2017 foreigner card)', () => {
    expect(maskIdNumber('USA440058051234')).toBe('USA4*******1234');
  });

  it('never shows a short value', () => {
    expect(maskIdNumber('12345678')).toBe('********');
  });
});

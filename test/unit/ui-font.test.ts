import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonCharacters, sourceCharacters } from '../../kiosk-ui/fonts/charset';

const fonts = path.resolve(import.meta.dirname, '../../kiosk-ui/fonts');

/** Issue 11 #13: the committed subset font holds what the UI can show; `npm run build:font` remakes it. */
describe('the kiosk web font', () => {
  const subset = new Set(readFileSync(path.join(fonts, 'charset.txt'), 'utf8').trim());

  it('holds every character of the UI and daemon sources (else: npm run build:font)', () => {
    const missing = [...sourceCharacters()].filter((ch) => !subset.has(ch));
    expect(missing.join(''), 'characters the committed font lacks: run `npm run build:font` and commit kiosk-ui/fonts').toBe('');
  });

  it('holds the 3500 常用字 of 《通用规范汉字表》 一级字表', () => {
    const common = [...commonCharacters()];
    expect(new Set(common).size).toBe(3500);
    expect(common.filter((ch) => !subset.has(ch))).toEqual([]);
  });

  it('is a woff2 pair small enough to cache on every kiosk', () => {
    for (const weight of [400, 700]) {
      const file = path.join(fonts, `noto-sans-sc-${weight}.woff2`);
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(statSync(file).size).toBeLessThan(700 * 1024);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { formOf, needOf } from './wording';

const m = (extra: object) => ({ id: 'a', name: '居民身份证', required: true, ...extra });

describe('how a material is worded', () => {
  it('says 原件/复印件 with the number of copies, like the printed leaflet', () => {
    expect(formOf(m({ form: 'original-and-copy', copies: 2 }))).toBe('原件及复印件 2 份');
    expect(formOf(m({ form: 'copy' }))).toBe('复印件');
    expect(formOf(m({ copies: 3 }))).toBe('3 份');
    expect(formOf(m({}))).toBeUndefined();
  });
  it('marks 容缺 only on a required material, and 非必需 before anything else', () => {
    expect(needOf(m({ deferrable: true }))).toEqual({ text: '可容缺（告知承诺后补交）', tone: 'deferrable' });
    expect(needOf(m({ required: false, deferrable: true })).tone).toBe('optional');
    expect(needOf(m({})).text).toBe('必需');
  });
});

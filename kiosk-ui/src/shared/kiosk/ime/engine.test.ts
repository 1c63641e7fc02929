import { describe, expect, it } from 'vitest';
import lexicon from './lexicon.json';
import { PinyinEngine } from './engine';

const ime = new PinyinEngine(lexicon);
const texts = (input: string, n = 5) => ime.candidates(input).slice(0, n).map((c) => c.text);

describe('the on-screen pinyin input', () => {
  it('splits letters into syllables, honouring «\'» and an unfinished last syllable', () => {
    expect(ime.segment('taidu')).toEqual(['tai', 'du']);
    expect(ime.segment('tai du')).toEqual(['tai', 'du']);
    expect(ime.segment("xi'an")).toEqual(['xi', 'an']);
    expect(ime.segment('xian')).toEqual(['xian']);
    expect(ime.segment('taid')).toEqual(['tai', 'd']);
    expect(ime.segment('gongzuorenyuan')).toEqual(['gong', 'zuo', 'ren', 'yuan']);
  });

  it('offers «态度» first for «tai du», and by initials', () => {
    expect(texts('tai du', 1)).toEqual(['态度']);
    expect(texts('taidu', 1)).toEqual(['态度']);
    expect(texts('td')).toContain('态度');
    expect(texts('gzry', 1)).toEqual(['工作人员']);
  });

  it('offers common characters of the first syllable, most frequent first, and keeps the rest typed', () => {
    expect(texts('de', 1)).toEqual(['的']);
    expect(texts('tai', 3)).toEqual(['太', '台', '态']);
    const tai = ime.candidates('taidx').find((c) => c.text === '太');
    expect(tai?.rest).toBe('d\'x');
    // ü is typed as v; a rare character outside the common list is not offered.
    expect(texts('lv', 1)).toEqual(['律']);
    expect(ime.candidates('vvv')).toEqual([]); // no syllable begins with v
  });
});

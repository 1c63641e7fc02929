import { describe, expect, it } from 'vitest';
import { encodeTextBlock, parseTextBlock } from './text-block';
import { isValidIdNumber18, mod112Check, withCheck } from './id-number';
import { nationName } from './tables';
import { IdCardError } from './status';

/** A block written by hand at the offsets of docs/PROTOCOLS.md §1, independent of the encoder. */
function block(fields: [offset: number, text: string][]): Buffer {
  const b = Buffer.from(' '.repeat(128), 'utf16le');
  for (const [offset, text] of fields) Buffer.from(text, 'utf16le').copy(b, offset);
  return b;
}

describe('MOD 11-2 check (GB 11643)', () => {
  it('accepts the standard example and rejects a changed digit', () => {
    expect(mod112Check('11010519491231002')).toBe('X');
    expect(isValidIdNumber18('11010519491231002X')).toBe(true);
    expect(isValidIdNumber18('11010519491231003X')).toBe(false);
    expect(isValidIdNumber18('1101051949123100')).toBe(false);
  });
});

describe('text block', () => {
  it('parses a resident card, with nation, «长期» and the rare character 䶮', () => {
    const card = parseTextBlock(
      block([[0, '王䶮'], [30, '1'], [32, '01'], [36, '19491231'], [52, '北京市西城区某街1号'],
        [122, '11010519491231002X'], [158, '北京市公安局西城分局'], [188, '20100101'], [204, '长期']]),
    );
    expect(card).toEqual({
      cardType: 'resident', name: '王䶮', gender: 'male', nation: '汉', nationCode: '01', birthDate: '1949-12-31',
      address: '北京市西城区某街1号', idNumber: '11010519491231002X', issuer: '北京市公安局西城分局',
      validFrom: '2010-01-01', validTo: '长期',
    });
  });

  it('parses a J card (HK/Macao/Taiwan residence permit)', () => {
    const id = withCheck('81000019900101123');
    const card = parseTextBlock(
      block([[0, '陈大文'], [30, '1'], [36, '19900101'], [52, '广东省深圳市福田区某路2号'], [122, id],
        [158, '深圳市公安局'], [188, '20200101'], [204, '20250101'], [220, 'H12345678'], [238, '01'], [248, 'J']]),
    );
    expect(card).toMatchObject({ cardType: 'hk-macao-taiwan', name: '陈大文', idNumber: id, passNumber: 'H12345678', issueCount: '01' });
    expect(card.nation).toBeUndefined();
  });

  it('parses an I card (foreigner PR card 2017)', () => {
    const card = parseTextBlock(
      block([[0, 'SMITH, JOHN'], [120, '1'], [122, 'USA440078051234'], [152, 'USA'], [158, '史密斯'], [188, '20170601'],
        [204, '20270601'], [220, '19780512'], [236, '01'], [240, '1500'], [248, 'I']]),
    );
    expect(card).toMatchObject({
      cardType: 'foreign-2017', name: '史密斯', nameEnglish: 'SMITH, JOHN', idNumber: 'USA440078051234',
      nationality: 'USA', birthDate: '1978-05-12', cardVersion: '01', authorityCode: '1500',
    });
  });

  it('parses a Y card (foreigner PR card 2023) joining the two English name parts', () => {
    const id = withCheck('93304419850315001');
    const english = 'MONTGOMERY-WILLIAMSON, ALEXANDRA CATHERINE';
    const card = parseTextBlock(
      block([[0, '蒙哥马利'], [30, '2'], [32, '00'], [36, '19850315'], [52, english.slice(0, 35)], [122, id],
        [188, '20230901'], [204, '20330901'], [220, english.slice(35)], [242, 'GBR'], [248, 'Y']]),
    );
    expect(card).toMatchObject({ cardType: 'foreign-2023', name: '蒙哥马利', nameEnglish: english, gender: 'female', idNumber: id, nationality: 'GBR', renewalCount: '00' });
  });

  it('the encoder writes the same bytes as the hand-made block', () => {
    const hand = block([[0, '王䶮'], [30, '1'], [32, '01'], [36, '19491231'], [52, '北京市西城区某街1号'],
      [122, '11010519491231002X'], [158, '北京市公安局西城分局'], [188, '20100101'], [204, '长期']]);
    expect(encodeTextBlock(parseTextBlock(hand))).toEqual(hand);
  });

  it('refuses a wrong check character without putting the number in the message', () => {
    const bad = block([[0, '张三'], [30, '1'], [32, '01'], [36, '19491231'], [122, '11010519491231003X'], [188, '20100101'], [204, '20200101']]);
    const err = (() => { try { parseTextBlock(bad); } catch (e) { return e as IdCardError; } })();
    expect(err).toBeInstanceOf(IdCardError);
    expect(err?.code).toBe('UNREADABLE_CARD');
    expect(err?.message).not.toContain('1101');
  });

  it('refuses an impossible birth date and an unknown gender code', () => {
    const base: [number, string][] = [[0, '张三'], [32, '01'], [122, '11010519491231002X'], [188, '20100101'], [204, '20200101']];
    expect(() => parseTextBlock(block([...base, [30, '1'], [36, '19490231']]))).toThrow(/birth/);
    expect(() => parseTextBlock(block([...base, [30, '5'], [36, '19491231']]))).toThrow(/gender/);
  });

  it('knows the nation table ends', () => {
    expect(nationName('01')).toBe('汉');
    expect(nationName('56')).toBe('基诺');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeUndefined();
  });
});

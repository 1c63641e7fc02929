/** What the screen must get for each simulator profile, read on 2025-06-15 in Asia/Shanghai. */
export const READ_DAY = new Date('2025-06-15T02:00:00Z');

export const EXPECTED_CARDS: Record<string, { card: Record<string, unknown>; full: { name: string; idNumber: string }; eligible: boolean }> = {
  resident: {
    card: { cardType: 'resident', nameMasked: '张*明', idNumberMasked: '4451**********1232', gender: 'male', age: 40 },
    full: { name: '张小明', idNumber: '445103198503121232' }, eligible: false,
  },
  'resident-elder': {
    card: { cardType: 'resident', nameMasked: '欧**娜', idNumberMasked: '4451**********4022', gender: 'female', age: 74, validTo: '长期' },
    full: { name: '欧阳娜娜', idNumber: '445102195008204022' }, eligible: true,
  },
  'resident-rare': {
    card: { cardType: 'resident', nameMasked: '刘*', idNumberMasked: '4503**********3019', gender: 'male', age: 32 },
    full: { name: '刘䶮', idNumber: '450302199211053019' }, eligible: false,
  },
  'hk-macao-taiwan': {
    card: { cardType: 'hk-macao-taiwan', nameMasked: '陈*文', idNumberMasked: '8100**********1230', gender: 'male', age: 35 },
    full: { name: '陈大文', idNumber: '810000199001011230' }, eligible: false,
  },
  'foreign-2017': {
    card: { cardType: 'foreign-2017', nameMasked: '史*斯', idNumberMasked: 'USA4*******1234', gender: 'male', age: 67 },
    full: { name: '史密斯', idNumber: 'USA440058051234' }, eligible: true,
  },
  'foreign-2023': {
    card: { cardType: 'foreign-2023', nameMasked: '蒙**利', idNumberMasked: '9330**********0013', gender: 'female', age: 40 },
    full: { name: '蒙哥马利', idNumber: '933044198503150013' }, eligible: false,
  },
};

export const fixedClock = (at = READ_DAY) => ({ now: () => new Date(at) });

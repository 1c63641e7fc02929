import type { CardText } from '../codec/text-block';
import { withCheck } from '../codec/id-number';

/**
 * Card profiles of every type for the simulator, tests and demos. All people are invented; numbers carry a
 * correct MOD 11-2 check character so the production parser accepts them as it would a real card.
 */
export const CARD_PROFILES: Readonly<Record<string, CardText>> = {
  /** An ordinary resident card. */
  resident: {
    cardType: 'resident', name: '张小明', gender: 'male', nation: '汉', nationCode: '01', birthDate: '1985-03-12',
    address: '广东省潮州市潮安区庵埠镇文里路18号', idNumber: withCheck('44510319850312123'),
    issuer: '潮州市公安局潮安分局', validFrom: '2015-06-01', validTo: '2035-06-01',
  },
  /** Above the default priority age (65), with a long-term card. */
  'resident-elder': {
    cardType: 'resident', name: '欧阳娜娜', gender: 'female', nation: '汉', nationCode: '01', birthDate: '1950-08-20',
    address: '广东省潮州市湘桥区太平路66号', idNumber: withCheck('44510219500820402'),
    issuer: '潮州市公安局湘桥分局', validFrom: '2012-01-10', validTo: '长期',
  },
  /** A name with a rare character (生僻字) outside GBK: U+4DAE 䶮. */
  'resident-rare': {
    cardType: 'resident', name: '刘䶮', gender: 'male', nation: '壮', nationCode: '08', birthDate: '1992-11-05',
    address: '广西壮族自治区桂林市秀峰区中山中路8号', idNumber: withCheck('45030219921105301'),
    issuer: '桂林市公安局秀峰分局', validFrom: '2018-04-02', validTo: '2038-04-02',
  },
  /** A two-character name (masking keeps only the first). */
  'resident-short': {
    cardType: 'resident', name: '李四', gender: 'female', nation: '回', nationCode: '03', birthDate: '2001-02-28',
    address: '四川省成都市都江堰市幸福路3号', idNumber: withCheck('51018120010228452'),
    issuer: '都江堰市公安局', validFrom: '2019-03-01', validTo: '2029-03-01',
  },
  /** HK/Macao/Taiwan residence permit ('J'). */
  'hk-macao-taiwan': {
    cardType: 'hk-macao-taiwan', name: '陈大文', gender: 'male', birthDate: '1990-01-01',
    address: '广东省汕头市金平区金砂路99号', idNumber: withCheck('81000019900101123'), issuer: '汕头市公安局',
    validFrom: '2021-05-01', validTo: '2026-05-01', passNumber: 'H12345678', issueCount: '01',
  },
  /** Foreigner permanent residence card, 2017 edition ('I'), 15-character number. */
  'foreign-2017': {
    cardType: 'foreign-2017', name: '史密斯', nameEnglish: 'SMITH, JOHN WILLIAM', gender: 'male', birthDate: '1958-05-12',
    idNumber: 'USA440058051234', nationality: 'USA', validFrom: '2017-06-01', validTo: '2027-06-01',
    cardVersion: '01', authorityCode: '1500',
  },
  /** Foreigner permanent residence card, 2023 edition ('Y'), 18 characters starting with 9, long English name. */
  'foreign-2023': {
    cardType: 'foreign-2023', name: '蒙哥马利', nameEnglish: 'MONTGOMERY-WILLIAMSON, ALEXANDRA CATHERINE',
    gender: 'female', birthDate: '1985-03-15', idNumber: withCheck('93304419850315001'), nationality: 'GBR',
    validFrom: '2023-09-01', validTo: '2033-09-01', renewalCount: '00',
  },
};

export type ProfileName = keyof typeof CARD_PROFILES;

/** An opaque 1024-byte stand-in for the WLT photo, different per card. */
export function fakeWlt(card: CardText): Buffer {
  const wlt = Buffer.alloc(1024);
  const seed = Buffer.from(card.idNumber, 'latin1');
  for (let i = 0; i < wlt.length; i++) wlt[i] = (seed[i % seed.length]! * 31 + i) & 0xff;
  return wlt;
}

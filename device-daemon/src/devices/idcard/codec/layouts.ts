/**
 * Where each field sits in the 256-byte text block, per card type (docs/PROTOCOLS.md §1, GA/T 490).
 * Card differences are data here, not branches in the parser. Offsets and sizes are in bytes of UCS-2LE.
 */
export type CardType = 'resident' | 'hk-macao-taiwan' | 'foreign-2017' | 'foreign-2023';

export const TEXT_BLOCK_BYTES = 256;
/** The UCS-2 character at this offset tells the card type; a resident card has padding there. */
export const TYPE_MARK_OFFSET = 248;

export const TYPE_MARKS: Record<Exclude<CardType, 'resident'>, string> = {
  'hk-macao-taiwan': 'J',
  'foreign-2017': 'I',
  'foreign-2023': 'Y',
};

export type FieldName =
  | 'name'
  | 'nameEnglish'
  | 'nameEnglish2'
  | 'gender'
  | 'nation'
  | 'birth'
  | 'address'
  | 'idNumber'
  | 'issuer'
  | 'validFrom'
  | 'validTo'
  | 'passNumber'
  | 'issueCount'
  | 'renewalCount'
  | 'cardVersion'
  | 'authorityCode'
  | 'nationality';

export type Layout = Partial<Record<FieldName, readonly [offset: number, bytes: number]>>;

const validity = { validFrom: [188, 16], validTo: [204, 16] } as const;

export const LAYOUTS: Record<CardType, Layout> = {
  resident: {
    name: [0, 30], gender: [30, 2], nation: [32, 4], birth: [36, 16], address: [52, 70],
    idNumber: [122, 36], issuer: [158, 30], ...validity,
  },
  'hk-macao-taiwan': {
    name: [0, 30], gender: [30, 2], birth: [36, 16], address: [52, 70], idNumber: [122, 36], issuer: [158, 30],
    ...validity, passNumber: [220, 18], issueCount: [238, 4],
  },
  'foreign-2017': {
    nameEnglish: [0, 120], gender: [120, 2], idNumber: [122, 30], nationality: [152, 6], name: [158, 30],
    ...validity, birth: [220, 16], cardVersion: [236, 4], authorityCode: [240, 8],
  },
  'foreign-2023': {
    name: [0, 30], gender: [30, 2], renewalCount: [32, 4], birth: [36, 16], nameEnglish: [52, 70],
    idNumber: [122, 36], ...validity, nameEnglish2: [220, 22], nationality: [242, 6],
  },
};

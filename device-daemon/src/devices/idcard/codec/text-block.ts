import { IdCardError } from './status';
import { LAYOUTS, TEXT_BLOCK_BYTES, TYPE_MARK_OFFSET, TYPE_MARKS, type CardType, type FieldName } from './layouts';
import { genderCode, genderFromCode, nationName, type Gender } from './tables';
import { cardDateText, parseCardDate, parseValidTo } from './dates';
import { isValidIdNumber18 } from './id-number';

/** The decoded text of a card. Personal data: never log it, never publish it unmasked. */
export interface CardText {
  cardType: CardType;
  /** Chinese name; on a 2017 PR card possibly empty (then `nameEnglish` is the name). */
  name: string;
  nameEnglish?: string;
  gender: Gender;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** 18 characters (resident, J, Y) or 15 (2017 PR card). */
  idNumber: string;
  /** Resident card: GB/T 3304 name (汉) and code (01). */
  nation?: string;
  nationCode?: string;
  /** PR cards: GB/T 2659 alpha-3. */
  nationality?: string;
  address?: string;
  issuer?: string;
  validFrom: string;
  /** `YYYY-MM-DD` or «长期». */
  validTo: string;
  passNumber?: string;
  issueCount?: string;
  renewalCount?: string;
  cardVersion?: string;
  authorityCode?: string;
}

const unreadable = (field: string) =>
  // The message names the field, never its value: it reaches logs and the status page.
  new IdCardError('UNREADABLE_CARD', `身份证文字信息无法识别（${field}）`, 'card');

export function cardTypeOf(block: Buffer): CardType {
  const mark = block.subarray(TYPE_MARK_OFFSET, TYPE_MARK_OFFSET + 2).toString('utf16le');
  const found = (Object.entries(TYPE_MARKS) as [CardType, string][]).find(([, m]) => m === mark);
  return found ? found[0] : 'resident';
}

/** Parses the 256-byte UCS-2LE text block; throws UNREADABLE_CARD naming the first bad field. */
export function parseTextBlock(block: Buffer): CardText {
  if (block.length !== TEXT_BLOCK_BYTES) throw unreadable('length');
  const cardType = cardTypeOf(block);
  const layout = LAYOUTS[cardType];
  const raw = {} as Record<FieldName, string>;
  for (const [field, [offset, bytes]] of Object.entries(layout) as [FieldName, readonly [number, number]][]) {
    raw[field] = block.subarray(offset, offset + bytes).toString('utf16le').replace(/[\s\0]+$/u, '');
  }
  const gender = genderFromCode(raw.gender);
  if (!gender) throw unreadable('gender');
  const birthDate = parseCardDate(raw.birth);
  if (!birthDate) throw unreadable('birth');
  const validFrom = parseCardDate(raw.validFrom);
  const validTo = parseValidTo(raw.validTo);
  if (!validFrom || !validTo) throw unreadable('validity');
  const idOk = cardType === 'foreign-2017' ? /^[A-Z]{3}\d{12}$/.test(raw.idNumber) : isValidIdNumber18(raw.idNumber);
  if (!idOk) throw unreadable('idNumber');
  const nameEnglish = [raw.nameEnglish, raw.nameEnglish2].filter(Boolean).join('') || undefined;
  if (!raw.name && !nameEnglish) throw unreadable('name');
  const card: CardText = { cardType, name: raw.name, gender, birthDate, idNumber: raw.idNumber, validFrom, validTo };
  if (nameEnglish) card.nameEnglish = nameEnglish;
  if (cardType === 'resident') {
    const nation = nationName(raw.nation);
    if (!nation) throw unreadable('nation');
    Object.assign(card, { nation, nationCode: raw.nation });
  }
  for (const f of ['nationality', 'address', 'issuer', 'passNumber', 'issueCount', 'renewalCount', 'cardVersion', 'authorityCode'] as const) {
    if (raw[f]) card[f] = raw[f];
  }
  return card;
}

/** Builds the 256-byte block a card of this content holds (the simulator's side; tests). */
export function encodeTextBlock(card: CardText): Buffer {
  const block = Buffer.from(' '.repeat(TEXT_BLOCK_BYTES / 2), 'utf16le');
  const layout = LAYOUTS[card.cardType];
  const english = card.nameEnglish ?? '';
  const values: Partial<Record<FieldName, string>> = {
    name: card.name,
    gender: genderCode(card.gender),
    nation: card.nationCode,
    birth: cardDateText(card.birthDate),
    address: card.address,
    idNumber: card.idNumber,
    issuer: card.issuer,
    validFrom: cardDateText(card.validFrom),
    validTo: cardDateText(card.validTo),
    passNumber: card.passNumber,
    issueCount: card.issueCount,
    renewalCount: card.renewalCount,
    cardVersion: card.cardVersion,
    authorityCode: card.authorityCode,
    nationality: card.nationality,
    // The 2023 card splits the English name: characters 1-35, then 36-46.
    nameEnglish: card.cardType === 'foreign-2023' ? english.slice(0, 35) : english,
    nameEnglish2: english.slice(35),
  };
  for (const [field, [offset, bytes]] of Object.entries(layout) as [FieldName, readonly [number, number]][]) {
    const text = values[field];
    if (!text) continue;
    const encoded = Buffer.from(text, 'utf16le');
    if (encoded.length > bytes) throw new RangeError(`${field} longer than ${bytes / 2} characters`);
    encoded.copy(block, offset);
  }
  if (card.cardType !== 'resident') Buffer.from(TYPE_MARKS[card.cardType], 'utf16le').copy(block, TYPE_MARK_OFFSET);
  return block;
}

import type { SamLink } from './sam-link';
import { Command } from './codec/frame';
import { IdCardError, SW3, sw3Error } from './codec/status';
import { encodeReadData, parseReadData, parseReadDataWithFingerprint } from './codec/read-reply';
import { encodeTextBlock, parseTextBlock, type CardText } from './codec/text-block';
import { withCheck } from './codec/id-number';

/** Size of the 30 01 reply: preamble, LEN, SW1-3, two lengths, 256 text, 1024 photo, CHK. */
export const READ_REPLY_BYTES = 1295;
/** Largest 30 10 reply (two fingerprint templates): the timeout covers its wire time. */
export const READ_FP_REPLY_BYTES = 2321;

/** Which read command the module is asked: 30 01 (text + photo) or 30 10 (also fingerprints, dropped at once). */
export type ReadCommand = 'text-photo' | 'text-photo-fingerprint';

/** A card read off the reader. `card` is personal data: keep it in memory, never log or publish it. */
export interface CardRead {
  card: CardText;
  /** WLT bytes, opaque. */
  photo: Buffer;
  /** performance.now() when the last byte of the read reply arrived. */
  lastByteAt: number;
}

/** What one poll found. */
export type CycleOutcome =
  | { kind: 'no-card' }
  /** The card read earlier still lies in the field. */
  | { kind: 'still-present' }
  /** The card read earlier has left the field. */
  | { kind: 'removed' }
  /** A card was read. */
  | { kind: 'read'; read: CardRead };

/** Marks where a failing step was, so statistics tell failed reads from communication errors. */
export class ReadStepError extends Error {
  constructor(override readonly cause: IdCardError) {
    super(cause.message);
  }
}

/**
 * One poll: find -> select -> read, for both module behaviours seen in the field (docs/PROTOCOLS.md §1):
 * after a good read most modules fail find while the card stays (select still succeeds), some keep answering
 * find with 9F. Either way a card read once is not read again until it has left: while one is in the field a
 * find success means "still there", and a find failure is settled by select (gone only when both fail).
 */
export async function pollCycle(link: SamLink, cardInField: boolean, readCommand: ReadCommand = 'text-photo'): Promise<CycleOutcome> {
  const find = await link.exchange(Command.FIND_CARD);
  if (cardInField) {
    if (find.sw3 === SW3.FIND_OK) return { kind: 'still-present' };
    if (find.sw3 !== SW3.NO_CARD) throw sw3Error(find.sw3);
    const select = await link.exchange(Command.SELECT_CARD);
    if (select.sw3 === SW3.OK) return { kind: 'still-present' };
    if (select.sw3 === SW3.SELECT_FAILED) return { kind: 'removed' };
    throw sw3Error(select.sw3);
  }
  if (find.sw3 === SW3.NO_CARD) return { kind: 'no-card' };
  if (find.sw3 !== SW3.FIND_OK) throw sw3Error(find.sw3);
  // From here on a card is in the field: any failure is a failed read of that card.
  try {
    const select = await link.exchange(Command.SELECT_CARD);
    if (select.sw3 !== SW3.OK) throw sw3Error(select.sw3);
    const withFingerprint = readCommand === 'text-photo-fingerprint';
    const reply = withFingerprint
      ? await link.exchange(Command.READ_TEXT_PHOTO_FP, READ_FP_REPLY_BYTES)
      : await link.exchange(Command.READ_TEXT_PHOTO, READ_REPLY_BYTES);
    if (reply.sw3 !== SW3.OK) throw sw3Error(reply.sw3);
    const record = withFingerprint ? parseReadDataWithFingerprint(reply.data) : parseReadData(reply.data);
    const card = parseTextBlock(record.text);
    return { kind: 'read', read: { card, photo: Buffer.from(record.photo), lastByteAt: reply.lastByteAt } };
  } catch (err) {
    throw new ReadStepError(err as IdCardError);
  }
}

/** An invented card (no one's data) for `warmReadPath`. */
const SPECIMEN: CardText = {
  cardType: 'resident', name: '样本', gender: 'male', nation: '汉', nationCode: '01', birthDate: '2000-01-01',
  address: '样本', idNumber: withCheck('11010120000101001'), issuer: '样本', validFrom: '2020-01-01', validTo: '2040-01-01',
};

/**
 * Parses a specimen read reply once, so the first card after a start is not the one that pays for V8's lazy
 * compilation of the parser (its functions, regular expressions and tables: about 3 ms of CPU, 0.3 ms once
 * warm; docs/PERFORMANCE.md, the card read path). Called when the reader opens, off any read.
 */
export function warmReadPath(): void {
  const data = encodeReadData({ text: encodeTextBlock(SPECIMEN), photo: Buffer.alloc(1024) });
  parseTextBlock(parseReadData(data).text);
}

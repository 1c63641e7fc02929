import type { SamLink } from './sam-link';
import { Command } from './codec/frame';
import { IdCardError, SW3, sw3Error } from './codec/status';
import { parseReadData } from './codec/read-reply';
import { parseTextBlock, type CardText } from './codec/text-block';

/** Size of the 30 01 reply: preamble, LEN, SW1-3, two lengths, 256 text, 1024 photo, CHK. */
export const READ_REPLY_BYTES = 1295;

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
  /** A card was read; `replaced` when it follows a card that left between two polls. */
  | { kind: 'read'; read: CardRead; replaced: boolean };

/** Marks where a failing step was, so statistics tell failed reads from communication errors. */
export class ReadStepError extends Error {
  constructor(override readonly cause: IdCardError) {
    super(cause.message);
  }
}

/**
 * One poll: find -> select -> read. A card must leave the field before it is read again: after a good read
 * the reader's find fails while the card stays; select still succeeds then, so select tells "still there"
 * from "gone" (docs/PROTOCOLS.md §1, reader behaviour).
 */
export async function pollCycle(link: SamLink, cardInField: boolean): Promise<CycleOutcome> {
  const find = await link.exchange(Command.FIND_CARD);
  if (find.sw3 === SW3.NO_CARD) {
    if (!cardInField) return { kind: 'no-card' };
    const select = await link.exchange(Command.SELECT_CARD);
    if (select.sw3 === SW3.OK) return { kind: 'still-present' };
    if (select.sw3 === SW3.SELECT_FAILED) return { kind: 'removed' };
    throw sw3Error(select.sw3);
  }
  if (find.sw3 !== SW3.FIND_OK) throw sw3Error(find.sw3);
  // From here on a card is in the field: any failure is a failed read of that card.
  try {
    const select = await link.exchange(Command.SELECT_CARD);
    if (select.sw3 !== SW3.OK) throw sw3Error(select.sw3);
    const reply = await link.exchange(Command.READ_TEXT_PHOTO, READ_REPLY_BYTES);
    if (reply.sw3 !== SW3.OK) throw sw3Error(reply.sw3);
    const record = parseReadData(reply.data);
    const card = parseTextBlock(record.text);
    return { kind: 'read', read: { card, photo: Buffer.from(record.photo), lastByteAt: reply.lastByteAt }, replaced: cardInField };
  } catch (err) {
    throw new ReadStepError(err as IdCardError);
  }
}

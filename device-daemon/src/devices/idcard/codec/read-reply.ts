import { IdCardError } from './status';

/** WLT photo size on every card type (GA/T 490). */
export const PHOTO_BYTES = 1024;

/** The payload of a 30 01 reply after SW1..SW3: text length, photo length (both BE), text, photo. */
export interface CardRecord {
  text: Buffer;
  /** WLT bytes, carried opaquely: only a vendor decoder turns them into an image. */
  photo: Buffer;
}

/** Splits a 30 01 reply's data (offsets 10.. of the frame); throws REPLY_LENGTH when the lengths disagree. */
export function parseReadData(data: Buffer): CardRecord {
  if (data.length < 4) throw new IdCardError('REPLY_LENGTH', '读卡应答长度不符', 'communication');
  const textLen = data.readUInt16BE(0);
  const photoLen = data.readUInt16BE(2);
  if (data.length !== 4 + textLen + photoLen) throw new IdCardError('REPLY_LENGTH', '读卡应答长度不符', 'communication');
  return { text: data.subarray(4, 4 + textLen), photo: data.subarray(4 + textLen) };
}

/** The inverse of parseReadData (simulator). */
export function encodeReadData(record: CardRecord): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(record.text.length, 0);
  head.writeUInt16BE(record.photo.length, 2);
  return Buffer.concat([head, record.text, record.photo]);
}

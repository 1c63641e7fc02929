import { IdCardError } from './status';

/** WLT photo size on every card type (GA/T 490). */
export const PHOTO_BYTES = 1024;
/** Fingerprint block sizes a 30 10 reply may carry: none, one or two 512-byte templates. */
export const FINGERPRINT_BYTES = [0, 512, 1024] as const;

/** The payload of a read reply after SW1..SW3: text, WLT photo. Fingerprints never get this far. */
export interface CardRecord {
  text: Buffer;
  /** WLT bytes, carried opaquely: only a vendor decoder turns them into an image. */
  photo: Buffer;
}

const lengthError = () => new IdCardError('REPLY_LENGTH', '读卡应答长度不符', 'communication');

/** Splits a 30 01 reply's data (offsets 10.. of the frame): text length, photo length (both BE), text, photo. */
export function parseReadData(data: Buffer): CardRecord {
  if (data.length < 4) throw lengthError();
  const textLen = data.readUInt16BE(0);
  const photoLen = data.readUInt16BE(2);
  if (data.length !== 4 + textLen + photoLen) throw lengthError();
  return { text: data.subarray(4, 4 + textLen), photo: data.subarray(4 + textLen) };
}

/**
 * Splits a 30 10 reply's data: text, photo and fingerprint lengths (BE), text, photo, fingerprints.
 * Fingerprints are biometric data the kiosk has no use for: their bytes are overwritten with zeros in the
 * reply buffer before this returns, so no later copy, log or dump can hold them. The text and photo are
 * copied out first, so zeroing never touches what is returned.
 */
export function parseReadDataWithFingerprint(data: Buffer): CardRecord {
  if (data.length < 6) throw lengthError();
  const textLen = data.readUInt16BE(0);
  const photoLen = data.readUInt16BE(2);
  const fingerLen = data.readUInt16BE(4);
  const fingerAt = 6 + textLen + photoLen;
  if (data.length !== fingerAt + fingerLen) {
    data.fill(0, Math.min(data.length, 6 + textLen + photoLen));
    throw lengthError();
  }
  const record = { text: Buffer.from(data.subarray(6, 6 + textLen)), photo: Buffer.from(data.subarray(6 + textLen, fingerAt)) };
  data.fill(0, fingerAt);
  return record;
}

/** The inverse of parseReadData (simulator). */
export function encodeReadData(record: CardRecord): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(record.text.length, 0);
  head.writeUInt16BE(record.photo.length, 2);
  return Buffer.concat([head, record.text, record.photo]);
}

/** The inverse of parseReadDataWithFingerprint (simulator): `fingerprint` stands in for the card's templates. */
export function encodeReadDataWithFingerprint(record: CardRecord, fingerprint: Buffer): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16BE(record.text.length, 0);
  head.writeUInt16BE(record.photo.length, 2);
  head.writeUInt16BE(fingerprint.length, 4);
  return Buffer.concat([head, record.text, record.photo, fingerprint]);
}

import type { Align } from './document';
import { GS, QR_CN, QR_EC, QR_FN } from './commands';
import type { DecodedEvent } from './events';

/** The printer's QR symbol storage and settings, as GS ( k leaves them. */
export interface QrState {
  data: Buffer;
  moduleSize: number;
  errorCorrection: string;
}

const EC_NAMES = Object.fromEntries(Object.entries(QR_EC).map(([name, code]) => [code, name]));

/**
 * GS ( k pL pH cn fn [parameters]: returns the bytes used, 0 when incomplete. Every GS ( <letter> function
 * has the same pL pH framing, so unknown ones are skipped whole and reported.
 */
export function decodeGsParenK(
  buf: Buffer,
  i: number,
  qr: QrState,
  align: Align,
  emit: (e: DecodedEvent) => void,
): number {
  if (i + 5 > buf.length) return 0;
  const letter = buf[i + 2]!;
  const p = buf[i + 3]! | (buf[i + 4]! << 8);
  const total = 5 + p;
  if (i + total > buf.length) return 0;
  const cn = buf[i + 5];
  const fn = buf[i + 6];
  const args = buf.subarray(i + 7, i + total);
  const unknown = () => (emit({ type: 'unknown', bytes: [GS, 0x28, letter, cn ?? -1, fn ?? -1], length: total }), total);
  if (letter !== 0x6b || cn !== QR_CN || p < 2) return unknown();
  const setting = () => (emit({ type: 'setting', command: `GS ( k fn ${fn}`, value: args[0] ?? 0, length: total }), total);
  switch (fn) {
    case QR_FN.model: /* fn 65: n1 n2 */
      return setting();
    case QR_FN.moduleSize: /* fn 67: n */
      qr.moduleSize = args[0] ?? qr.moduleSize;
      return setting();
    case QR_FN.errorCorrection: /* fn 69: n = 48..51 */
      qr.errorCorrection = EC_NAMES[args[0] ?? -1] ?? qr.errorCorrection;
      return setting();
    case QR_FN.store: /* fn 80: m = 48, then the data */
      qr.data = Buffer.from(args.subarray(1));
      return setting();
    case QR_FN.print: /* fn 81: m = 48 */
      emit({
        type: 'qr',
        data: qr.data.toString('utf8'),
        moduleSize: qr.moduleSize,
        errorCorrection: qr.errorCorrection,
        align,
        length: total,
      });
      return total;
    default:
      return unknown();
  }
}

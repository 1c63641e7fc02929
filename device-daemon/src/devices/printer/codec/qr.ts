import { GS_PAREN_K, QR_CN, QR_EC, QR_FN, QR_MODEL_2, le16 } from './commands';

/** Largest byte-mode payload of a version 40 QR symbol at level L; at level M it is 2331. */
export const QR_MAX_BYTES_M = 2331;

/** GS ( k pL pH cn fn [args]: pL + 256 * pH counts cn, fn and the arguments. */
function gsParenK(fn: number, args: readonly number[] | Buffer): Buffer {
  const [pL, pH] = le16(args.length + 2);
  return Buffer.concat([Buffer.from([...GS_PAREN_K, pL, pH, QR_CN, fn]), Buffer.from(args)]);
}

export class QrTooLongError extends Error {
  readonly code = 'PRINT_QR_TOO_LONG' as const;
  constructor(bytes: number) {
    super(`QR payload of ${bytes} bytes exceeds ${QR_MAX_BYTES_M} (level M)`);
  }
}

/**
 * The five commands that print one QR code natively: model 2, module size, error correction M,
 * store the data (UTF-8 bytes, as phones read them), print the stored symbol.
 */
export function qrCommands(data: string, moduleSize = 6): Buffer {
  const payload = Buffer.from(data, 'utf8');
  if (payload.length > QR_MAX_BYTES_M) throw new QrTooLongError(payload.length);
  const size = Math.max(1, Math.min(16, Math.round(moduleSize)));
  return Buffer.concat([
    /* GS ( k fn 65: select model 2 (n1 = 50, n2 = 0) */
    gsParenK(QR_FN.model, [QR_MODEL_2, 0x00]),
    /* GS ( k fn 67: module size in dots */
    gsParenK(QR_FN.moduleSize, [size]),
    /* GS ( k fn 69: error correction level M */
    gsParenK(QR_FN.errorCorrection, [QR_EC.M]),
    /* GS ( k fn 80: store data in the symbol storage area (m = 48) */
    gsParenK(QR_FN.store, Buffer.concat([Buffer.from([0x30]), payload])),
    /* GS ( k fn 81: print the symbol data (m = 48) */
    gsParenK(QR_FN.print, [0x30]),
  ]);
}

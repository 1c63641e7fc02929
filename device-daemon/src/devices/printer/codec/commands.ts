/**
 * ESC/POS command bytes, each named by its mnemonic (Epson ESC/POS reference; Chinese printers' manuals
 * agree on this subset). Only byte-making here: no state, no I/O.
 */
export const LF = 0x0a;
export const CR = 0x0d;
export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;

/** ESC @: initialise the printer (clears the buffer and resets modes). */
export const ESC_AT = [ESC, 0x40] as const;
/** FS &: select Chinese (2-byte) character mode. Sent after ESC @ so GB18030 text stays 2-byte. */
export const FS_AMP = [FS, 0x26] as const;
/** FS .: cancel Chinese character mode. We never send it; the decoder understands it. */
export const FS_DOT = [FS, 0x2e] as const;

export type AlignCode = 0 | 1 | 2;
export const ALIGN_CODE = { left: 0, center: 1, right: 2 } as const satisfies Record<string, AlignCode>;

/** ESC a n: justification (0 left, 1 centre, 2 right). */
export const escAlign = (n: AlignCode) => [ESC, 0x61, n];
/** ESC E n: emphasised (bold) on when n & 1. */
export const escBold = (on: boolean) => [ESC, 0x45, on ? 1 : 0];
/** ESC d n: print the buffer and feed n lines. */
export const escFeedLines = (n: number) => [ESC, 0x64, clampByte(n)];

/** GS ! n: character size; n = (width-1) << 4 | (height-1), each 1..8. */
export const gsSize = (width: number, height: number) => [GS, 0x21, ((width - 1) << 4) | (height - 1)];
export const sizeFromByte = (n: number) => ({ width: ((n >> 4) & 0x07) + 1, height: (n & 0x07) + 1 });

/** GS V m: cut. m 0 = full, 1 = partial; 65/66 (GS V A/B n) feed n lines then cut. */
export const GS_V_FULL = 0x00;
export const GS_V_PARTIAL = 0x01;
export const GS_V_FEED_FULL = 0x41;
export const GS_V_FEED_PARTIAL = 0x42;
export const gsCut = (partial: boolean) => [GS, 0x56, partial ? GS_V_PARTIAL : GS_V_FULL];

/** DLE EOT n: transmit real-time status, n 1..4 (printer, offline cause, error cause, roll paper sensor). */
export type StatusKind = 1 | 2 | 3 | 4;
export const dleEot = (n: StatusKind) => [DLE, EOT, n];

/** GS a n: automatic status back (ASB) enable mask (codec/asb.ts); n = 0 disables it. */
export const GS_A = 0x61;
/** The GS a n bits: which changes make the printer push its 4-byte status. */
export const ASB_MASK = { drawer: 0x01, onlineOffline: 0x02, error: 0x04, rollPaper: 0x08 } as const;
export const gsAsb = (mask: number) => [GS, GS_A, clampByte(mask)];

/** GS ( k: 2-dimensional code functions; cn 0x31 = QR code. */
export const GS_PAREN_K = [GS, 0x28, 0x6b] as const;
export const QR_CN = 0x31;
/** fn 65 (A) select model, 67 (C) module size, 69 (E) error correction, 80 (P) store, 81 (Q) print. */
export const QR_FN = { model: 0x41, moduleSize: 0x43, errorCorrection: 0x45, store: 0x50, print: 0x51, size: 0x52 } as const;
export const QR_MODEL_2 = 0x32;
/** Error correction levels L/M/Q/H = 48..51. */
export const QR_EC = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 } as const;

/** GS v 0 m xL xH yL yH d...: print a raster bit image, m 0 = normal density; x in bytes, y in dots. */
export const GS_V_RASTER = [GS, 0x76, 0x30] as const;

export function clampByte(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}

/** Little-endian 16-bit (the nL nH pairs of ESC/POS). */
export function le16(n: number): [number, number] {
  return [n & 0xff, (n >> 8) & 0xff];
}

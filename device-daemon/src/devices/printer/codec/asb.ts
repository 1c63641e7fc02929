import { isStatusByte, type PrinterErrorKind, type PrinterStatus } from './status';

/**
 * Automatic status back (ASB, enabled by GS a n; docs/PROTOCOLS.md §2): once enabled, the printer pushes a
 * 4-byte status when it enables ASB and then on every change of the enabled kinds. The first byte matches
 * 0xx1 xx00, the three following 0xx0 xxxx, so neither can be taken for a DLE EOT reply (0xx1 xx10): a
 * byte with bit 4 set is never part of an ASB tail, and the header differs from a reply in bit 1.
 */
export const ASB_HEADER_MASK = 0x93;
export const ASB_HEADER_VALUE = 0x10;
export const ASB_TAIL_MASK = 0x90;
export const isAsbHeader = (b: number) => (b & ASB_HEADER_MASK) === ASB_HEADER_VALUE;
export const isAsbTail = (b: number) => (b & ASB_TAIL_MASK) === 0;

/** Byte 1: drawer pin 3, offline, cover open, feeding by the button. */
export const ASB1 = { drawer: 0x04, offline: 0x08, coverOpen: 0x20, feedingByButton: 0x40 } as const;
/** Byte 2: error causes. */
export const ASB2 = { recoverable: 0x04, autocutter: 0x08, unrecoverable: 0x20, autoRecoverable: 0x40 } as const;
/** Byte 3: roll paper sensor (two bits each, like DLE EOT 4). */
export const ASB3 = { nearEnd: 0x03, end: 0x0c } as const;

const has = (b: number, bits: number) => (b & bits) !== 0;

/** The typed status of one ASB frame (4 bytes, header checked by the framer). */
export function parseAsb(frame: ArrayLike<number>): PrinterStatus {
  const [b1, b2, b3] = [frame[0]!, frame[1]!, frame[2]!];
  const errorKinds: PrinterErrorKind[] = [];
  if (has(b2, ASB2.recoverable)) errorKinds.push('recoverable');
  if (has(b2, ASB2.autocutter)) errorKinds.push('autocutter');
  if (has(b2, ASB2.unrecoverable)) errorKinds.push('unrecoverable');
  if (has(b2, ASB2.autoRecoverable)) errorKinds.push('auto-recoverable');
  const paperOut = has(b3, ASB3.end);
  return {
    online: !has(b1, ASB1.offline),
    coverOpen: has(b1, ASB1.coverOpen),
    paperNearEnd: paperOut || has(b3, ASB3.nearEnd),
    paperOut,
    feedButton: false,
    feedingByButton: has(b1, ASB1.feedingByButton),
    waitingForRecovery: false,
    error: errorKinds.length > 0,
    errorKinds,
  };
}

/** The 4 bytes a printer in `s` pushes; the simulator sends them. */
export function asbFrame(s: PrinterStatus): Buffer {
  const bit = (cond: boolean, bits: number) => (cond ? bits : 0);
  const b1 = ASB_HEADER_VALUE | bit(!s.online, ASB1.offline) | bit(s.coverOpen, ASB1.coverOpen) | bit(s.feedingByButton, ASB1.feedingByButton);
  const kinds = s.errorKinds;
  const b2 =
    bit(kinds.includes('recoverable'), ASB2.recoverable) |
    bit(kinds.includes('autocutter'), ASB2.autocutter) |
    bit(kinds.includes('unrecoverable'), ASB2.unrecoverable) |
    bit(kinds.includes('auto-recoverable'), ASB2.autoRecoverable);
  const b3 = bit(s.paperNearEnd || s.paperOut, ASB3.nearEnd) | bit(s.paperOut, ASB3.end);
  return Buffer.from([b1, b2, b3, 0x00]);
}

/** What one received byte completed: a DLE EOT reply byte, a whole ASB frame, or nothing yet. */
export type StatusFrame = { type: 'reply'; byte: number } | { type: 'asb'; status: PrinterStatus };

/**
 * Splits the printer's back channel into DLE EOT replies and ASB frames. A reply byte may arrive between an
 * ASB frame's bytes (real-time answers jump the queue) and is given out at once; a header that is not
 * followed by three tail bytes is dropped as noise, and so is any byte that fits neither.
 */
export class StatusFramer {
  private frame: number[] = [];

  push(b: number): StatusFrame | undefined {
    if (isStatusByte(b)) return { type: 'reply', byte: b };
    if (isAsbHeader(b)) {
      this.frame = [b];
      return undefined;
    }
    if (this.frame.length > 0 && isAsbTail(b)) {
      this.frame.push(b);
      if (this.frame.length < 4) return undefined;
      const status = parseAsb(this.frame);
      this.frame = [];
      return { type: 'asb', status };
    }
    this.frame = [];
    return undefined;
  }

  reset(): void {
    this.frame = [];
  }
}

import { dleEot, type StatusKind } from './commands';

/**
 * DLE EOT real-time status (docs/PROTOCOLS.md §2). Every reply byte has bit 1 and bit 4 set and bits 0
 * and 7 clear: it matches 0xx1 xx10, so anything else on the line is noise, not status.
 */
export const STATUS_FIXED_MASK = 0x93;
export const STATUS_FIXED_VALUE = 0x12;
export const isStatusByte = (b: number) => (b & STATUS_FIXED_MASK) === STATUS_FIXED_VALUE;

/** n = 1, printer status */
export const PRINTER = { drawerHigh: 0x04, offline: 0x08, waitingForRecovery: 0x20, feedButton: 0x40 } as const;
/** n = 2, offline cause */
export const OFFLINE = { coverOpen: 0x04, feedingByButton: 0x08, paperEndStop: 0x20, error: 0x40 } as const;
/** n = 3, error cause */
export const ERROR = { recoverable: 0x04, autocutter: 0x08, unrecoverable: 0x20, autoRecoverable: 0x40 } as const;
/** n = 4, roll paper sensor: two bits each (near-end sensor pair, end sensor pair). */
export const ROLL = { nearEnd: 0x0c, end: 0x60 } as const;

/** DLE EOT n request bytes. */
export const statusRequest = (n: StatusKind) => Buffer.from(dleEot(n));

export type PrinterErrorKind = 'recoverable' | 'autocutter' | 'unrecoverable' | 'auto-recoverable';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  feedButton: boolean;
  feedingByButton: boolean;
  waitingForRecovery: boolean;
  error: boolean;
  /** From n = 3; empty when n = 3 was not asked or shows nothing. */
  errorKinds: PrinterErrorKind[];
}

export type StatusReplies = Partial<Record<StatusKind, number>>;

export class StatusByteError extends Error {
  readonly code = 'PRINTER_BAD_STATUS' as const;
  constructor(readonly byte: number) {
    super(`0x${byte.toString(16).padStart(2, '0')} is not a DLE EOT reply (expected 0xx1 xx10)`);
  }
}

/** Throws StatusByteError for a byte that breaks the fixed bits. */
export function checkStatusByte(byte: number): number {
  if (!isStatusByte(byte)) throw new StatusByteError(byte);
  return byte;
}

const has = (b: number | undefined, bits: number) => b !== undefined && (b & bits) !== 0;

/** Combines whatever replies were received (n = 1, 2, 4, and 3 on error) into one typed status. */
export function parseStatus(replies: StatusReplies): PrinterStatus {
  const [p, o, e, r] = [replies[1], replies[2], replies[3], replies[4]].map((b) => (b === undefined ? b : checkStatusByte(b)));
  const errorKinds: PrinterErrorKind[] = [];
  if (has(e, ERROR.recoverable)) errorKinds.push('recoverable');
  if (has(e, ERROR.autocutter)) errorKinds.push('autocutter');
  if (has(e, ERROR.unrecoverable)) errorKinds.push('unrecoverable');
  if (has(e, ERROR.autoRecoverable)) errorKinds.push('auto-recoverable');
  const paperOut = has(o, OFFLINE.paperEndStop) || has(r, ROLL.end);
  return {
    online: p === undefined ? true : !has(p, PRINTER.offline),
    coverOpen: has(o, OFFLINE.coverOpen),
    paperNearEnd: paperOut || has(r, ROLL.nearEnd),
    paperOut,
    feedButton: has(p, PRINTER.feedButton),
    feedingByButton: has(o, OFFLINE.feedingByButton),
    waitingForRecovery: has(p, PRINTER.waitingForRecovery),
    error: has(o, OFFLINE.error) || errorKinds.length > 0,
    errorKinds,
  };
}

/** The reply a printer in `status` gives to DLE EOT n; the simulator answers with it. */
export function statusReply(n: StatusKind, s: PrinterStatus): number {
  let b = STATUS_FIXED_VALUE;
  const set = (cond: boolean, bits: number) => (b |= cond ? bits : 0);
  if (n === 1) {
    set(!s.online, PRINTER.offline);
    set(s.waitingForRecovery, PRINTER.waitingForRecovery);
    set(s.feedButton, PRINTER.feedButton);
  } else if (n === 2) {
    set(s.coverOpen, OFFLINE.coverOpen);
    set(s.feedingByButton, OFFLINE.feedingByButton);
    set(s.paperOut, OFFLINE.paperEndStop);
    set(s.error, OFFLINE.error);
  } else if (n === 3) {
    set(s.errorKinds.includes('recoverable'), ERROR.recoverable);
    set(s.errorKinds.includes('autocutter'), ERROR.autocutter);
    set(s.errorKinds.includes('unrecoverable'), ERROR.unrecoverable);
    set(s.errorKinds.includes('auto-recoverable'), ERROR.autoRecoverable);
  } else {
    set(s.paperNearEnd || s.paperOut, ROLL.nearEnd);
    set(s.paperOut, ROLL.end);
  }
  return b;
}

import { DeviceError } from '../core/device-error';
import type { PrinterStatus } from './codec/status';

/** Why the printer cannot take a ticket now (the `reason` of PRINTER_NOT_READY). */
export type NotReadyReason = 'PAPER_OUT' | 'COVER_OPEN' | 'OFFLINE' | 'ERROR' | 'NOT_FITTED';
/** The reasons a fitted printer can report. */
export type PrinterFault = Exclude<NotReadyReason, 'NOT_FITTED'>;

/** Codes of a print that did not complete. */
export type PrintErrorCode = 'PRINTER_PAPER_OUT' | 'PRINTER_COVER_OPEN' | 'PRINTER_OFFLINE' | 'PRINTER_FAULT' | 'PRINTER_TIMEOUT';

/** Plain words for the person at the kiosk and the hall staff. */
export const NOT_READY_MESSAGES: Record<NotReadyReason, string> = {
  PAPER_OUT: '打印机缺纸，请联系工作人员',
  COVER_OPEN: '打印机仓盖未关，请联系工作人员',
  OFFLINE: '打印机未连接，请联系工作人员',
  ERROR: '打印机故障，请联系工作人员',
  NOT_FITTED: '本机未配置打印机',
};

const PRINT_ERROR_CODE: Record<PrinterFault, PrintErrorCode> = {
  PAPER_OUT: 'PRINTER_PAPER_OUT',
  COVER_OPEN: 'PRINTER_COVER_OPEN',
  OFFLINE: 'PRINTER_OFFLINE',
  ERROR: 'PRINTER_FAULT',
};

/** What a status query found: a parsed status, or no answer in time. */
export type StatusReading = { answered: true; status: PrinterStatus } | { answered: false };

/**
 * Whether a printer in this status can print, and if not, why. Paper out wins over cover open (a person
 * can fix both, but paper is the usual cause); an offline bit without a known cause reads as OFFLINE.
 */
export function notReadyReason(reading: StatusReading, repliesRequired: boolean): PrinterFault | undefined {
  if (!reading.answered) return repliesRequired ? 'OFFLINE' : undefined;
  const s = reading.status;
  if (s.paperOut) return 'PAPER_OUT';
  if (s.coverOpen) return 'COVER_OPEN';
  if (s.error) return 'ERROR';
  if (!s.online) return 'OFFLINE';
  return undefined;
}

/** PRINTER_NOT_READY with `{ reason, message }`: asked before a number is taken (the queue answers 503). */
export function printerNotReady(reason: NotReadyReason): DeviceError<'PRINTER_NOT_READY'> {
  const message = NOT_READY_MESSAGES[reason];
  return new DeviceError('printer', 'PRINTER_NOT_READY', message, { reason, message });
}

/** A print that was refused or did not complete. */
export function printFailed(reason: PrinterFault | 'TIMEOUT', message?: string): DeviceError<PrintErrorCode> {
  const code = reason === 'TIMEOUT' ? 'PRINTER_TIMEOUT' : PRINT_ERROR_CODE[reason];
  const text = message ?? (reason === 'TIMEOUT' ? '打印机没有及时响应，凭条可能未打印' : NOT_READY_MESSAGES[reason]);
  return new DeviceError('printer', code, text, { reason });
}

import { isDeviceError } from '../core/device-error';
import type { PrintDocument } from './codec/document';
import { printerNotReady } from './readiness';

/** What a feature needs of the ticket printer: whether it can print now, and the print. */
export interface Printing {
  /** Throws the device error PRINTER_NOT_READY `{ reason, message }` when it cannot print (one status exchange at most). */
  readyToPrint(): Promise<void>;
  /** Rejects with PRINTER_* when the print did not complete. */
  print(doc: PrintDocument): Promise<unknown>;
}

/** How a print came out, in the one shape tickets and scan receipts report. */
export type PrintOutcome =
  | { printed: true }
  | { printed: false; error: { code: string; message: string; reason?: string } };

/**
 * Before anything is committed to paper (a number taken): PRINTER_NOT_READY (a feature answers 503), with `reason` NOT_FITTED
 * when the kiosk has no printer, or the printer's own reason (PAPER_OUT, COVER_OPEN, OFFLINE, ERROR).
 */
export async function ensureCanPrint(printer: Printing | undefined): Promise<Printing> {
  if (!printer) throw printerNotReady('NOT_FITTED');
  await printer.readyToPrint();
  return printer;
}

/**
 * Prints, never throws: what was promised (a number, a submission) is kept whether or not paper came out,
 * and the screen shows it instead. A missing printer is PRINTER_NOT_READY (reason NOT_FITTED); a print that
 * did not complete keeps the driver's PRINTER_* code.
 */
export async function printWithFallback(printer: Pick<Printing, 'print'> | undefined, doc: PrintDocument): Promise<PrintOutcome> {
  if (!printer) {
    const err = printerNotReady('NOT_FITTED');
    return { printed: false, error: { code: err.code, message: err.message, reason: 'NOT_FITTED' } };
  }
  try {
    await printer.print(doc);
    return { printed: true };
  } catch (err) {
    const reason = isDeviceError(err) ? (err.details?.reason as string | undefined) : undefined;
    return {
      printed: false,
      error: {
        code: isDeviceError(err) ? err.code : 'PRINT_FAILED',
        message: (err as Error).message,
        ...(reason ? { reason } : {}),
      },
    };
  }
}

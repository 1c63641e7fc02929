import { unavailable } from '../core/errors';
import { isDeviceError } from '../devices/core/device-error';

/**
 * The queue's edge for the printer's refusal before a number is taken: the device's PRINTER_NOT_READY becomes
 * 503 PRINTER_NOT_READY with `reason` and `message` (docs/API.md), so no number is used. Anything else is
 * rethrown as it is. For `.catch(printerUnavailable)` on `ensureCanPrint(printer)`.
 */
export function printerUnavailable(err: unknown): never {
  if (isDeviceError(err) && err.code === 'PRINTER_NOT_READY') throw unavailable(err.code, err.message, err.details);
  throw err;
}

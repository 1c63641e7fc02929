/**
 * What a device reports when it cannot do what was asked: which device, a literal code callers switch on
 * (each device has its own union, e.g. `PRINTER_PAPER_OUT`, `SCANNER_JAMMED`, `CARD_READ_FAILED`), a message
 * in plain words, and optional facts. No HTTP status: the device layer serves no requests; each feature maps
 * the codes it meets to an answer at its own edge (queue: 503 PRINTER_NOT_READY; scan: the job's error).
 * Imports nothing, so a device's codec may throw it too.
 */
export class DeviceError<C extends string = string> extends Error {
  constructor(
    /** The device's name in devices/descriptors.ts. */
    readonly device: string,
    readonly code: C,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DeviceError';
  }
}

export function isDeviceError(err: unknown): err is DeviceError {
  return err instanceof DeviceError;
}

import { int, obj, oneOf, opt, str, tagged, type Infer } from '../../config/schema-dsl';

const baudRate = opt(int({ min: 1200, max: 921600 }), 115200);

/** Status polling and timeouts, shared by every printer driver. */
const tuning = {
  /** How often the idle printer is asked DLE EOT, so the screen learns of paper out before a person does. */
  statusIntervalMs: opt(int({ min: 200, max: 600_000 }), 5000),
  /**
   * How long a reading that found the printer ready answers for it before the next ticket instead of asking
   * again. 0 (the default) asks before every ticket: a printer that cannot print is refused before a number
   * is taken, and a printed ticket costs two status readings. Above 0, tickets in a row cost one reading each
   * (the one after the print), and a paper-out or open cover arising within the window is caught after the
   * number is taken (printed: false, the number on screen) instead of before.
   */
  statusFreshMs: opt(int({ min: 0, max: 60_000 }), 0),
  /** How long one DLE EOT reply may take. */
  statusTimeoutMs: opt(int({ min: 20, max: 10_000 }), 1000),
  /** Extra time a print may take beyond its wire time before it is PRINTER_TIMEOUT. */
  writeTimeoutMs: opt(int({ min: 100, max: 120_000 }), 10_000),
  cut: opt(oneOf(['full', 'partial'] as const), 'full'),
};

/**
 * `statusReplies`: `required` means a printer that does not answer DLE EOT is offline (serial printers always
 * answer); `optional` means no answer is "status unknown" and printing goes on (some usblp devices never
 * answer). Defaults: required on serial and simulated, optional on a character device.
 */
const statusReplies = oneOf(['required', 'optional'] as const);

export const printerConfig = tagged('driver', {
  simulated: obj({ ...tuning, statusReplies: opt(statusReplies, 'required') }),
  'escpos-serial': obj({
    path: str({ min: 1, hint: 'a serial device path such as /dev/ttyUSB1' }),
    baudRate,
    ...tuning,
    statusReplies: opt(statusReplies, 'required'),
  }),
  'escpos-device': obj({
    path: str({ min: 1, hint: 'a character device path such as /dev/usb/lp0' }),
    ...tuning,
    statusReplies: opt(statusReplies, 'optional'),
  }),
});
export type PrinterConfig = Infer<typeof printerConfig>;

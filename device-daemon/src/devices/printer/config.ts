import { Type, type Static } from 'typebox';
import { oneOf, tagged } from '../../config/kit';

const baudRate = Type.Integer({ minimum: 1200, maximum: 921600, default: 115200 });

/** Status polling and timeouts, shared by every printer driver. */
const tuning = {
  /** How often the idle printer is asked DLE EOT, so the screen learns of paper out before a person does. */
  statusIntervalMs: Type.Integer({ minimum: 200, maximum: 600_000, default: 5000 }),
  /**
   * How long a reading that found the printer ready answers for it before the next ticket instead of asking
   * again. 0 (the default) asks before every ticket: a printer that cannot print is refused before a number
   * is taken, and a printed ticket costs two status readings. Above 0, tickets in a row cost one reading each
   * (the one after the print), and a paper-out or open cover arising within the window is caught after the
   * number is taken (printed: false, the number on screen) instead of before.
   */
  statusFreshMs: Type.Integer({ minimum: 0, maximum: 60_000, default: 0 }),
  /** How long one DLE EOT reply may take. */
  statusTimeoutMs: Type.Integer({ minimum: 20, maximum: 10_000, default: 1000 }),
  /** Extra time a print may take beyond its wire time before it is PRINTER_TIMEOUT. */
  writeTimeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
  cut: oneOf(['full', 'partial'], { default: 'full' }),
};

/**
 * `statusReplies`: `required` means a printer that does not answer DLE EOT is offline (serial printers always
 * answer); `optional` means no answer is "status unknown" and printing goes on (some usblp devices never
 * answer). Defaults: required on serial and simulated, optional on a character device.
 */
const statusReplies = (fallback: 'required' | 'optional') => oneOf(['required', 'optional'], { default: fallback });

export const printerConfig = tagged('driver', {
  simulated: { ...tuning, statusReplies: statusReplies('required') },
  'escpos-serial': {
    path: Type.String({ minLength: 1, expected: 'a serial device path such as /dev/ttyUSB1' }),
    baudRate,
    ...tuning,
    statusReplies: statusReplies('required'),
  },
  'escpos-device': {
    path: Type.String({ minLength: 1, expected: 'a character device path such as /dev/usb/lp0' }),
    ...tuning,
    statusReplies: statusReplies('optional'),
  },
});
export type PrinterConfig = Static<typeof printerConfig>;

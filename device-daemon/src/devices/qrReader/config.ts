import { Type, type Static } from 'typebox';
import { oneOf, tagged } from '../../config/kit';

const common = {
  /** What the scanner sends after each code (its factory setting; Newland and Honeywell: CR). */
  suffix: oneOf(['CR', 'LF', 'CRLF', 'TAB'], { default: 'CR' }),
  /** How Chinese text in codes is encoded: `auto` tells UTF-8 from GB18030 (codec/text.ts). */
  encoding: oneOf(['auto', 'utf-8', 'gb18030'], { default: 'auto' }),
  /** Longer than this without a suffix is noise or another system's data, not a code of ours. */
  maxLength: Type.Integer({ minimum: 16, maximum: 4096, default: 512 }),
  /** Bytes of a code followed by this much silence and no suffix are half a code, dropped. */
  partialTimeoutMs: Type.Integer({ minimum: 50, maximum: 5000, default: 300 }),
  /** Seconds the technician has to hold a code under the scanner in the 扫码测试 self-test. */
  selfTestSeconds: Type.Integer({ minimum: 3, maximum: 110, default: 20 }),
};

export const qrReaderConfig = tagged('driver', {
  simulated: {
    /** Which link the simulated unit uses: serial (CDC) or HID keyboard mode. */
    mode: oneOf(['serial', 'hid'], { default: 'serial' }),
    /** How the simulated unit sends Chinese text. */
    sends: oneOf(['utf-8', 'gb18030'], { default: 'utf-8' }),
    ...common,
  },
  /** USB CDC (virtual COM port, /dev/ttyACM0) or a real RS-232 scanner. */
  serial: {
    path: Type.String({ minLength: 1, expected: 'a serial device path such as /dev/ttyACM0' }),
    baudRate: Type.Integer({ minimum: 1200, maximum: 921600, default: 9600 }),
    ...common,
  },
  /** USB HID keyboard mode (the factory default of many units): read through hidraw, not the console. */
  hid: {
    vendorId: Type.Integer({ minimum: 0, maximum: 0xffff }),
    productId: Type.Integer({ minimum: 0, maximum: 0xffff }),
    path: Type.Optional(Type.String({ minLength: 1 })),
    /** For units whose keyboard reports carry a report ID. */
    reportId: Type.Optional(Type.Integer({ minimum: 1, maximum: 255 })),
    ...common,
  },
});
export type QrReaderConfig = Static<typeof qrReaderConfig>;

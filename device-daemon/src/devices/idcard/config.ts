import { Type, type Static } from 'typebox';
import { oneOf, section, tagged } from '../../config/kit';
import { FIELD_TIMEOUTS } from './timing';

const ms = (fallback: number) => Type.Integer({ minimum: 50, maximum: 30000, default: fallback });

const common = {
  /** Milliseconds between find-card polls. */
  pollIntervalMs: Type.Integer({ minimum: 50, maximum: 5000, default: 300 }),
  /** Silence allowed after each command besides the reply's own wire time; defaults from the field (timing.ts). */
  timeouts: section({
    samMs: ms(FIELD_TIMEOUTS.samMs),
    findMs: ms(FIELD_TIMEOUTS.findMs),
    selectMs: ms(FIELD_TIMEOUTS.selectMs),
    readMs: ms(FIELD_TIMEOUTS.readMs),
  }),
  /** 30 01 (text + photo) or 30 10 for modules that only answer that (fingerprints are dropped at once). */
  readCommand: oneOf(['text-photo', 'text-photo-fingerprint'] as const, { default: 'text-photo' }),
  /** An external WLT photo decoder: a command that reads WLT bytes on stdin and writes a BMP/PNG on stdout. */
  photoDecoder: Type.Optional(Type.String({ minLength: 1, expected: 'a command path' })),
};

const usbId = Type.Integer({ minimum: 0, maximum: 0xffff });
const endpoint = (fallback: number) => Type.Integer({ minimum: 0, maximum: 0xff, default: fallback });

export const idReaderConfig = tagged('driver', {
  simulated: common,
  'sam-serial': {
    path: Type.String({ minLength: 1, expected: 'a serial device path such as /dev/ttyUSB0' }),
    baudRate: Type.Integer({ minimum: 9600, maximum: 115200, default: 115200 }),
    ...common,
  },
  /** A SAM module in USB mode: the same frames over bulk endpoints (docs/PROTOCOLS.md §1, docs/READERS.md). */
  'sam-usb': {
    vendorId: usbId,
    productId: usbId,
    /** The vendor document's split: the 7-byte header on one endpoint pair, the rest on another. */
    endpoints: section({
      headerOut: endpoint(0x02),
      headerIn: endpoint(0x81),
      bodyOut: endpoint(0x06),
      bodyIn: endpoint(0x85),
    }),
    ...common,
  },
  /** A reader sold with a vendor library (libtermb.so for CVR_*, libsdtapi.so for SDT_*), loaded through FFI. */
  'vendor-sdk': {
    library: Type.String({ minLength: 1, expected: 'the path of the vendor\'s shared library, e.g. /opt/cvr/libtermb.so' }),
    family: oneOf(['cvr', 'sdt'] as const),
    /** The library's port number: 1001-1016 are USB readers in both families, 1-16 serial ports. */
    port: Type.Integer({ minimum: 1, maximum: 9999, default: 1001 }),
    ...common,
  },
});
export type IdReaderConfig = Static<typeof idReaderConfig>;

import { Type, type Static } from 'typebox';
import { tagged } from '../../config/kit';

const common = {
  /** Milliseconds between find-card polls. */
  pollIntervalMs: Type.Integer({ minimum: 50, maximum: 5000, default: 300 }),
  /** Silence allowed after a command besides the reply's own wire time. */
  replyTimeoutMs: Type.Integer({ minimum: 50, maximum: 10000, default: 500 }),
  /** An external WLT photo decoder: a command that reads WLT bytes on stdin and writes a BMP/PNG on stdout. */
  photoDecoder: Type.Optional(Type.String({ minLength: 1, expected: 'a command path' })),
};

export const idReaderConfig = tagged('driver', {
  simulated: common,
  'sam-serial': {
    path: Type.String({ minLength: 1, expected: 'a serial device path such as /dev/ttyUSB0' }),
    baudRate: Type.Integer({ minimum: 9600, maximum: 115200, default: 115200 }),
    ...common,
  },
});
export type IdReaderConfig = Static<typeof idReaderConfig>;

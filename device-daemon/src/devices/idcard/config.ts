import { int, obj, opt, str, tagged, type Infer } from '../../config/schema-dsl';

const common = {
  /** Milliseconds between find-card polls. */
  pollIntervalMs: opt(int({ min: 50, max: 5000 }), 300),
  /** Silence allowed after a command besides the reply's own wire time. */
  replyTimeoutMs: opt(int({ min: 50, max: 10000 }), 500),
  /** An external WLT photo decoder: a command that reads WLT bytes on stdin and writes a BMP/PNG on stdout. */
  photoDecoder: opt(str({ min: 1, hint: 'a command path' })),
};

export const idReaderConfig = tagged('driver', {
  simulated: obj(common),
  'sam-serial': obj({
    path: str({ min: 1, hint: 'a serial device path such as /dev/ttyUSB0' }),
    baudRate: opt(int({ min: 9600, max: 115200 }), 115200),
    ...common,
  }),
});
export type IdReaderConfig = Infer<typeof idReaderConfig>;

import { int, obj, opt, str, tagged, type Infer } from '../../config/schema-dsl';

const baudRate = opt(int({ min: 1200, max: 921600 }), 115200);

export const printerConfig = tagged('driver', {
  simulated: obj({}),
  'escpos-serial': obj({ path: str({ min: 1, hint: 'a serial device path such as /dev/ttyUSB1' }), baudRate }),
  'escpos-device': obj({ path: str({ min: 1, hint: 'a character device path such as /dev/usb/lp0' }) }),
});
export type PrinterConfig = Infer<typeof printerConfig>;

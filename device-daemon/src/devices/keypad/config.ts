import { int, obj, opt, tagged, type Infer } from '../../config/schema-dsl';

const common = {
  /** Seconds after an invitation during which one key press counts. */
  windowSeconds: opt(int({ min: 3, max: 120 }), 10),
};

export const keypadConfig = tagged('driver', {
  simulated: obj(common),
  hid: obj({
    vendorId: int({ min: 0, max: 0xffff }),
    productId: int({ min: 0, max: 0xffff }),
    ...common,
  }),
});
export type KeypadConfig = Infer<typeof keypadConfig>;

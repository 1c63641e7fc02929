import { arr, int, obj, opt, str, tagged, type Infer } from '../../config/schema-dsl';
import { keypadModelSchema } from './model-schema';

const level = int({ min: 1, max: 5 });

const common = {
  /**
   * The window (窗口) this keypad sits at: finishing a service there invites it, with the staff and 办件 attached.
   * Absent: the kiosk's own keypad, invited by the kiosk's rating screen.
   */
  counter: opt(int({ min: 1, max: 999 })),
  /** Seconds after an invitation during which one key press counts (reference/devices.md §3: 10 s). */
  windowSeconds: opt(int({ min: 3, max: 120 }), 10),
  /** A second press edge within this many milliseconds of the last one is contact bounce, not a press. */
  debounceMs: opt(int({ min: 0, max: 1000 }), 60),
  /** Which per-model data describes the reports: a built-in name (models.ts) or an inline model. */
  model: opt(keypadModelSchema, 'boot-keyboard'),
  /**
   * Level of each physical key, key 1 first: `[5,4,3,2,1]` for units whose leftmost key is 非常满意.
   * Default: key n is level n.
   */
  keyLevels: opt(arr(level, { min: 1, max: 6 }), [1, 2, 3, 4, 5]),
  /** Seconds the technician has to press every key in the 逐键测试 self-test (under the 120 s self-test cap). */
  keyTestSeconds: opt(int({ min: 3, max: 110 }), 30),
};

export const keypadConfig = tagged('driver', {
  simulated: obj(common),
  hid: obj({
    vendorId: int({ min: 0, max: 0xffff }),
    productId: int({ min: 0, max: 0xffff }),
    /** A hidraw path when several identical units are plugged in; otherwise the first match is used. */
    path: opt(str({ min: 1 })),
    ...common,
  }),
});
export type KeypadConfig = Infer<typeof keypadConfig>;

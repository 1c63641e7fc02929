import { Type, type Static, type StaticDecode } from 'typebox';
import { tagged } from '../../config/kit';
import { keypadModelSchema } from './model-schema';

const level = Type.Integer({ minimum: 1, maximum: 5 });

const common = {
  /**
   * The window (窗口) this keypad sits at: finishing a service there invites it, with the staff and 办件 attached.
   * Absent: the kiosk's own keypad, invited by the kiosk's rating screen.
   */
  counter: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
  /** Seconds after an invitation during which one key press counts (docs/PROTOCOLS.md §3: 10 s). */
  windowSeconds: Type.Integer({ minimum: 3, maximum: 120, default: 10 }),
  /** A second press edge within this many milliseconds of the last one is contact bounce, not a press. */
  debounceMs: Type.Integer({ minimum: 0, maximum: 1000, default: 60 }),
  /** Which per-model data describes the reports: a built-in name (models.ts) or an inline model. */
  model: keypadModelSchema,
  /**
   * Level of each physical key, key 1 first: `[5,4,3,2,1]` for units whose leftmost key is 非常满意.
   * Default: key n is level n.
   */
  keyLevels: Type.Array(level, { minItems: 1, maxItems: 6, default: [1, 2, 3, 4, 5] }),
  /** Seconds the technician has to press every key in the 逐键测试 self-test (under the 120 s self-test cap). */
  keyTestSeconds: Type.Integer({ minimum: 3, maximum: 110, default: 30 }),
};

export const keypadConfig = tagged('driver', {
  simulated: common,
  hid: {
    vendorId: Type.Integer({ minimum: 0, maximum: 0xffff }),
    productId: Type.Integer({ minimum: 0, maximum: 0xffff }),
    /** A hidraw path when several identical units are plugged in; otherwise the first match is used. */
    path: Type.Optional(Type.String({ minLength: 1 })),
    ...common,
  },
});
/** As the daemon uses it: `model` decoded from a name or an inline description to a KeypadModel. */
export type KeypadConfig = StaticDecode<typeof keypadConfig>;
/** As written in the file. */
export type KeypadConfigInput = Static<typeof keypadConfig>;

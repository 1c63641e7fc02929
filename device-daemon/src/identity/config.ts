import { int, obj, opt, str } from '../config/schema-dsl';
import type { Infer } from '../config/schema-dsl';

export const identityConfig = obj({
  /**
   * The hashing secret of the per-person limit. Leave it out on a single kiosk (one is generated into the
   * data folder); in hall-wide mode give every kiosk the same one.
   */
  secret: opt(str({ min: 32, hint: 'a secret of at least 32 characters' })),
  /** The longest a person's session lasts, card on the reader or not. */
  sessionMaxMinutes: opt(int({ min: 1, max: 30 }), 5),
  /**
   * After the card leaves, the full data is dropped at once; the masked view, age and keyed hash stay usable
   * this long so the person can finish choosing (e.g. 绿色通道 or not) without holding the card down.
   */
  removalGraceSeconds: opt(int({ min: 0, max: 300 }), 60),
});
export type IdentityConfig = Infer<typeof identityConfig>;

import { Type, type Static } from 'typebox';
import { section } from '../config/kit';

export const identityConfig = section({
  /**
   * The hashing secret of the per-person limit. Leave it out on a single kiosk (one is generated into the
   * data folder); in hall-wide mode give every kiosk the same one.
   */
  secret: Type.Optional(Type.String({ minLength: 32, expected: 'a secret of at least 32 characters' })),
  /** The longest a person's session lasts, card on the reader or not. */
  sessionMaxMinutes: Type.Integer({ minimum: 1, maximum: 30, default: 5 }),
  /**
   * After the card leaves, the full data is dropped at once; the masked view, age and keyed hash stay usable
   * this long so the person can finish choosing (e.g. 绿色通道 or not) without holding the card down.
   */
  removalGraceSeconds: Type.Integer({ minimum: 0, maximum: 300, default: 60 }),
});
export type IdentityConfig = Static<typeof identityConfig>;

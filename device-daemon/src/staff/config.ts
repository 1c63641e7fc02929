import { Type, type Static } from 'typebox';
import { oneOf, strict, uniqueBy } from '../config/kit';
import { parsePinHash } from '../core/auth/pin';

/** Checked whole at start: a malformed hash stops the daemon (exit 78) rather than failing at the first sign-in. */
const pinHash = Type.Refine(
  Type.String({ pattern: '^scrypt\\$', expected: 'a hash from `npm run doctor -- --hash-pin <PIN>` ("scrypt$N$r$p$salt$key")' }),
  (text) => parsePinHash(text) !== undefined,
);

const member = strict({
  /** 工号: shown at the window and carried by every rating the person's services receive. */
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,20}$', expected: 'a 工号 of letters, digits, - or _ (1 to 20)' }),
  name: Type.String({ minLength: 1, maxLength: 20 }),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  roles: Type.Array(oneOf(['window', 'manager'] as const), { minItems: 1 }),
  pinHash,
});

/** The hall's staff (工作人员): `staff: [{ id, name, department?, roles, pinHash }]`, 工号 distinct. */
export const staffConfig = uniqueBy(member, 'id', 'a 工号 not used by another staff member', { default: [] });
export type StaffConfig = Static<typeof member>[];

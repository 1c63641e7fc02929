import { arr, ConfigError, obj, oneOf, opt, str, type Infer, type Schema } from '../config/schema-dsl';
import { parsePinHash } from '../maintenance/pin';

const hint = 'a hash from `npm run doctor -- --hash-pin <PIN>` ("scrypt$N$r$p$salt$key")';
const scryptHash = str({ pattern: /^scrypt\$/, hint });
/** Checked whole at start: a malformed hash stops the daemon (exit 78) rather than failing at the first sign-in. */
const pinHash: Schema<string> = {
  expected: hint,
  parse(v, path) {
    const text = scryptHash.parse(v, path);
    return parsePinHash(text) ? text : scryptHash.parse(null, path);
  },
};

const member = obj({
  /** 工号: shown at the window and carried by every rating the person's services receive. */
  id: str({ pattern: /^[A-Za-z0-9_-]{1,20}$/, hint: 'a 工号 of letters, digits, - or _ (1 to 20)' }),
  name: str({ min: 1, max: 20 }),
  department: opt(str({ min: 1, max: 60 })),
  roles: arr(oneOf(['window', 'manager'] as const), { min: 1 }),
  pinHash,
});

const uniqueIds: Schema<Infer<typeof member>[]> = {
  expected: 'a list of staff with distinct id',
  parse(v, path) {
    const list = arr(member).parse(v, path);
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (seen.has(m.id)) throw new ConfigError(`${path}[${i}].id`, m.id, 'a 工号 not used by another staff member');
      seen.add(m.id);
    });
    return list;
  },
};

/** The hall's staff (工作人员): `staff: [{ id, name, department?, roles, pinHash }]`. */
export const staffConfig = opt(uniqueIds, []);
export type StaffConfig = Infer<typeof member>[];

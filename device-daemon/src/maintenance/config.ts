import { Type, type Static } from 'typebox';
import { section } from '../config/kit';
import { parsePinHash } from '../core/auth/pin';

/** Checked whole at start: a malformed hash must stop the daemon with exit 78, not fail at the first login. */
const pinHash = Type.Refine(
  Type.String({
    pattern: '^scrypt\\$',
    expected: 'a hash from `npm run doctor -- --hash-pin <PIN>` ("scrypt$N$r$p$salt$key")',
  }),
  (text) => parsePinHash(text) !== undefined,
);

export const maintenanceConfig = section({
  /**
   * scrypt hash of the technician PIN, as printed by `npm run doctor -- --hash-pin 123456`. When absent, the
   * daemon generates a PIN at its first start, keeps the hash in the data folder and prints the PIN once.
   */
  pinHash: Type.Optional(pinHash),
  /** A maintenance session ends after this many seconds without a request. */
  sessionIdleSeconds: Type.Integer({ minimum: 30, maximum: 3600, default: 180 }),
  /** How often device statistics are saved to the store (they are also saved at close). */
  statisticsSaveSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 60 }),
  /** The UI counts as silent after this many seconds without a heartbeat on /api/events. */
  uiSilentSeconds: Type.Integer({ minimum: 5, maximum: 600, default: 30 }),
});
export type MaintenanceConfig = Static<typeof maintenanceConfig>;

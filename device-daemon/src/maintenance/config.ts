import { int, obj, opt, str, type Infer, type Schema } from '../config/schema-dsl';
import { parsePinHash } from './pin';

const hint = 'a hash from `npm run doctor -- --hash-pin <PIN>` ("scrypt$N$r$p$salt$key")';
const scryptHash = str({ pattern: /^scrypt\$/, hint });
/** Checked whole at start: a malformed hash must stop the daemon with exit 78, not fail at the first login. */
const pinHash: Schema<string> = {
  expected: hint,
  parse(v, path) {
    const text = scryptHash.parse(v, path);
    return parsePinHash(text) ? text : scryptHash.parse(null, path);
  },
};

export const maintenanceConfig = obj({
  /**
   * scrypt hash of the technician PIN, as printed by `npm run doctor -- --hash-pin 123456`. When absent, the
   * daemon generates a PIN at its first start, keeps the hash in the data folder and prints the PIN once.
   */
  pinHash: opt(pinHash),
  /** A maintenance session ends after this many seconds without a request. */
  sessionIdleSeconds: opt(int({ min: 30, max: 3600 }), 180),
  /** How often device statistics are saved to the store (they are also saved at close). */
  statisticsSaveSeconds: opt(int({ min: 5, max: 3600 }), 60),
  /** The UI counts as silent after this many seconds without a heartbeat on /api/events. */
  uiSilentSeconds: opt(int({ min: 5, max: 600 }), 30),
});
export type MaintenanceConfig = Infer<typeof maintenanceConfig>;

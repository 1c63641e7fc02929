import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import path from 'node:path';

/** File in the data folder holding this installation's hashing secret. */
export const SECRET_FILE = 'identity.secret';
const SECRET_BYTES = 32;

/**
 * The per-installation secret of the person hash: configured (hall-wide mode: every kiosk of the hall must
 * share one, or the per-person limit would not hold across kiosks), or generated once into the data folder,
 * readable by the daemon's user only (0600). Without it the stored hashes cannot be tied back to numbers
 * by trying every possible ID number.
 */
export function loadOrCreateSecret(dataDir: string, configured?: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': create only if absent, so two daemons starting at once never overwrite each other's secret.
    writeFileSync(file, randomBytes(SECRET_BYTES).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`${file} is not a hashing secret (64 hex characters)`);
  return Buffer.from(hex, 'hex');
}

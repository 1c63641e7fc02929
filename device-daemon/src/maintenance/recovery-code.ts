import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The technician's way in when the PIN login is locked: a one-time code only someone with a shell on the kiosk
 * can obtain (`npm run doctor -- --maintenance-code` writes its hash into the data folder, mode 0600, and prints
 * the code). The daemon accepts it in place of the PIN, from loopback clients only (the machine's own screen),
 * once, within RECOVERY_TTL_MS; it clears the lockout. Twelve digits, so it is typed on the PIN pad.
 */
export const RECOVERY_FILE = 'maintenance-recovery.json';
export const RECOVERY_TTL_MS = 10 * 60_000;
export const RECOVERY_PATTERN = /^\d{12}$/;

const digest = (code: string) => createHash('sha256').update(code).digest();

export function issueRecoveryCode(dataDir: string, now = Date.now()): string {
  const code = Array.from({ length: 12 }, () => randomInt(0, 10)).join('');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, RECOVERY_FILE);
  writeFileSync(file, JSON.stringify({ sha256: digest(code).toString('hex'), expiresAt: now + RECOVERY_TTL_MS }), { mode: 0o600 });
  chmodSync(file, 0o600);
  return code;
}

/** True (and the code is gone) when `code` is the live recovery code; a wrong code leaves it in place. */
export function consumeRecoveryCode(dataDir: string, code: string, now: number): boolean {
  if (!RECOVERY_PATTERN.test(code)) return false;
  const file = path.join(dataDir, RECOVERY_FILE);
  let stored: { sha256?: unknown; expiresAt?: unknown };
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  } catch {
    return false;
  }
  if (typeof stored.sha256 !== 'string' || typeof stored.expiresAt !== 'number') return false;
  if (now > stored.expiresAt) {
    rmSync(file, { force: true });
    return false;
  }
  const expected = Buffer.from(stored.sha256, 'hex');
  if (expected.length !== 32 || !timingSafeEqual(expected, digest(code))) return false;
  rmSync(file, { force: true });
  return true;
}

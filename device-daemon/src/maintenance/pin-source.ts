import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generatePin, hashPin, parsePinHash } from '../core/auth/pin';

/** Where a generated PIN's hash is kept, inside the data folder. */
export const PIN_FILE = 'maintenance-pin.hash';

export interface PinSource {
  hash: string;
  origin: 'config' | 'data-folder' | 'generated';
  /** Only for `generated`: the clear PIN, to be shown once on the console and then forgotten. */
  generatedPin?: string;
  file?: string;
}

/**
 * Resolves the technician PIN hash: the configuration wins; otherwise the hash kept in the data folder;
 * otherwise a new PIN is generated, its hash written there (mode 0600) and the PIN returned once.
 * A damaged hash file is replaced by a new PIN rather than locking the technician out for good.
 */
export async function resolvePin(configured: string | undefined, dataDir: string): Promise<PinSource> {
  if (configured) {
    if (!parsePinHash(configured)) throw new Error('maintenance.pinHash is not a hash written by `npm run doctor -- --hash-pin`');
    return { hash: configured, origin: 'config' };
  }
  const file = path.join(dataDir, PIN_FILE);
  if (existsSync(file)) {
    // A copied or restored file may have lost its mode: the hash is for the daemon's user only.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const hash = readFileSync(file, 'utf8').trim();
    if (parsePinHash(hash)) return { hash, origin: 'data-folder', file };
  }
  const pin = generatePin();
  const hash = await hashPin(pin);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${hash}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { hash, origin: 'generated', generatedPin: pin, file };
}

/** The one place a clear PIN is written: the daemon's console (stderr), never the structured log. */
export function announceGeneratedPin(source: PinSource, write: (text: string) => void = (t) => process.stderr.write(t)): void {
  if (source.origin !== 'generated' || !source.generatedPin) return;
  write(
    `\n  维护 PIN（只显示这一次）/ maintenance PIN (shown once): ${source.generatedPin}\n` +
      `  Its hash is kept in ${source.file}; delete that file to generate a new PIN,\n` +
      '  or set maintenance.pinHash from `npm run doctor -- --hash-pin <PIN>`.\n\n',
  );
}

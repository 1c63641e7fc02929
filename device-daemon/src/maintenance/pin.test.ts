import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePin, hashPin, parsePinHash, verifyPin } from '../core/auth/pin';
import { announceGeneratedPin, PIN_FILE, resolvePin } from './pin-source';

describe('PIN hash', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const hash = await hashPin('246810');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPin('246810', hash)).toBe(true);
    expect(await verifyPin('246811', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it('salts: the same PIN hashes differently each time', async () => {
    expect(await hashPin('1234')).not.toBe(await hashPin('1234'));
  });

  it('refuses malformed hashes and cost parameters that would stall the daemon', () => {
    expect(parsePinHash('plain')).toBeUndefined();
    expect(parsePinHash('scrypt$1000$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).toBeUndefined(); // N not a power of 2
    expect(parsePinHash(`scrypt$${1 << 24}$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`)).toBeUndefined();
  });

  it('rejects a PIN that is not 4 to 12 digits', async () => {
    await expect(hashPin('12a4')).rejects.toThrow(/4 to 12 digits/);
  });

  it('generates six-digit PINs', () => {
    for (let i = 0; i < 50; i += 1) expect(generatePin()).toMatch(/^\d{6}$/);
  });
});

describe('PIN source', () => {
  it('generates a PIN once, keeps only its hash (0600) and reuses it on the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pin-'));
    const first = await resolvePin(undefined, dir);
    expect(first.origin).toBe('generated');
    const file = path.join(dir, PIN_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain(first.generatedPin!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await verifyPin(first.generatedPin!, first.hash)).toBe(true);

    let printed = '';
    announceGeneratedPin(first, (t) => (printed += t));
    expect(printed).toContain(first.generatedPin!);

    const second = await resolvePin(undefined, dir);
    expect(second).toMatchObject({ origin: 'data-folder', hash: first.hash });
    expect(second.generatedPin).toBeUndefined();
    printed = '';
    announceGeneratedPin(second, (t) => (printed += t));
    expect(printed).toBe('');
  });

  it('prefers the configured hash and refuses one it cannot read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pin-'));
    const hash = await hashPin('5555');
    expect(await resolvePin(hash, dir)).toEqual({ hash, origin: 'config' });
    await expect(resolvePin('scrypt$nonsense', dir)).rejects.toThrow(/pinHash/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, Sealer } from './sealed';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sealed-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('sealed contact data', () => {
  it('round-trips, and the sealed text shows neither the number nor the key', () => {
    const dir = tempDir();
    const sealer = Sealer.open(dir);
    const sealed = sealer.seal('13812341234', 'workorder-phone');
    expect(sealed).toMatch(/^s1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain('13812341234');
    expect(sealer.seal('13812341234', 'workorder-phone')).not.toBe(sealed); // a fresh IV each time
    expect(sealer.unseal(sealed, 'workorder-phone')).toBe('13812341234');
    // Another daemon on the same data folder opens it with the same key file.
    expect(Sealer.open(dir).unseal(sealed, 'workorder-phone')).toBe('13812341234');
  });

  it('detects tampering and a value sealed for another purpose', () => {
    const sealer = Sealer.open(tempDir());
    const sealed = sealer.seal('13812341234', 'workorder-phone');
    const body = sealed.split('.')[2]!;
    const flipped = Buffer.from(body, 'base64url');
    flipped[flipped.length - 1]! ^= 0x01;
    const tampered = `${sealed.split('.').slice(0, 2).join('.')}.${flipped.toString('base64url')}`;
    expect(() => sealer.unseal(tampered, 'workorder-phone')).toThrow(expect.objectContaining({ code: 'SEAL_TAMPERED' }));
    expect(() => sealer.unseal(sealed, 'something-else')).toThrow(expect.objectContaining({ code: 'SEAL_TAMPERED' }));
    expect(() => sealer.unseal('plain text', 'workorder-phone')).toThrow(expect.objectContaining({ code: 'SEAL_MALFORMED' }));
  });

  it('refuses a value sealed by another installation (wrong key), and keeps old keys after rotation', () => {
    const a = Sealer.open(tempDir());
    const b = Sealer.open(tempDir());
    const sealed = a.seal('13900001111', 'workorder-phone');
    expect(() => b.unseal(sealed, 'workorder-phone')).toThrow(expect.objectContaining({ code: 'SEAL_KEY_UNKNOWN' }));
    // The same key id with other key bytes: GCM's tag fails.
    const dir = tempDir();
    const c = Sealer.open(dir);
    const forged = `s1.${c.currentKeyId}.${sealed.split('.')[2]}`;
    expect(() => c.unseal(forged, 'workorder-phone')).toThrow(expect.objectContaining({ code: 'SEAL_TAMPERED' }));

    const oldId = a.currentKeyId;
    const newId = a.rotate();
    expect(newId).not.toBe(oldId);
    expect(a.seal('x', 'p').split('.')[1]).toBe(newId);
    expect(a.unseal(sealed, 'workorder-phone')).toBe('13900001111');
  });

  it('creates the key file 0600 and refuses one others can read', () => {
    const dir = tempDir();
    Sealer.open(dir);
    const file = path.join(dir, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    expect(() => Sealer.open(dir)).toThrow(expect.objectContaining({ code: 'SEAL_KEY_FILE_INSECURE' }));
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A phone number encrypted at rest: AES-256-GCM under a key derived from the installation's identity secret
 * (`app.identity.derivedKey('appointments.phone')`), stored as `v1.<iv>.<tag>.<ciphertext>` in base64url.
 * TODO(lead): switch to core/crypto/sealed.ts once STAFF-B's merge brings it to main (same idea, one place).
 */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plain text, or throws when the value was not sealed with this key (tampered, another hall's). */
export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

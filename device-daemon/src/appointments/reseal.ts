import { createDecipheriv } from 'node:crypto';
import type { Db } from '../store/db';

/** The purpose a phone is sealed for (core/crypto/sealed.ts binds it as additional data). */
export const PHONE_SEAL = 'appointments.phone';

/**
 * Phones sealed before appointments used `core/crypto/sealed.ts` were `v1.<iv>.<tag>.<ciphertext>` (base64url)
 * under a key derived from the identity secret. At start each one is opened with that key and sealed again
 * the core way (`s1.…`), in both tables, so the rest of the feature knows one format. Idempotent and safe
 * with several daemons: each row is replaced only if it still holds the old value.
 */
export async function resealLegacyPhones(db: Db, legacyKey: Buffer, seal: (phone: string) => string): Promise<{ resealed: number; unreadable: number }> {
  let n = 0;
  let unreadable = 0;
  for (const table of ['appointments', 'appointment_notifications'] as const) {
    const rows = await db.query<{ id: string; phone_sealed: string }>(`SELECT id, phone_sealed FROM ${table} WHERE phone_sealed LIKE 'v1.%'`);
    for (const r of rows) {
      let phone: string;
      try {
        phone = openLegacy(legacyKey, r.phone_sealed);
      } catch {
        // Another identity secret sealed it: left as it is (its text becomes a dead letter), never fatal.
        unreadable++;
        continue;
      }
      n += await db.execute(`UPDATE ${table} SET phone_sealed = $3 WHERE id = $1 AND phone_sealed = $2`, [r.id, r.phone_sealed, seal(phone)]);
    }
  }
  return { resealed: n, unreadable };
}

/** The old format's opening, kept only to convert it. Throws when the value was not sealed with this key. */
export function openLegacy(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a v1 sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

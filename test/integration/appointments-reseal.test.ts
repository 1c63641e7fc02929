import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Sealer } from '../../device-daemon/src/core/crypto/sealed';
import { PHONE_SEAL } from '../../device-daemon/src/appointments/reseal';
import { book, startAppointmentHall } from './appointments-helpers';

/** The format appointments sealed phones in before core/crypto/sealed.ts: `v1.<iv>.<tag>.<data>` under the identity-derived key. */
function legacySeal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-reseal-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('phones sealed in the old format stay readable', () => {
  it('re-seals them at start in the core format, in the bookings and in the outbox', async () => {
    const first = await startAppointmentHall({ dataDir });
    const code = (await book(first.app, 1)).body.appointment.code;
    const key = first.app.identity.derivedKey('appointments.phone');
    const old = legacySeal(key, '13800130001');
    await first.app.store.execute('UPDATE appointments SET phone_sealed = $1 WHERE code = $2', [old, code]);
    await first.app.store.execute('UPDATE appointment_notifications SET phone_sealed = $1', [old]);
    await first.app.store.execute("INSERT INTO appointment_notifications (id, appointment_id, kind, phone_sealed, text, state, attempts, created_at, next_attempt_at) VALUES ('x:reminder', 'x', 'reminder', 'v1.AAAA.BBBB.CCCC', 't', 'pending', 0, 'now', 'now')");
    await first.close();

    const again = await startAppointmentHall({ dataDir });
    try {
      const sealer = Sealer.open(dataDir);
      const [row] = await again.app.store.query<{ phone_sealed: string }>('SELECT phone_sealed FROM appointments WHERE code = $1', [code]);
      expect(row!.phone_sealed).toMatch(/^s1\./);
      expect(sealer.unseal(row!.phone_sealed, PHONE_SEAL)).toBe('13800130001');
      const texts = await again.app.store.query<{ id: string; phone_sealed: string }>('SELECT id, phone_sealed FROM appointment_notifications ORDER BY id');
      const confirmed = texts.find((t) => t.id.endsWith(':confirmed'))!;
      expect(sealer.unseal(confirmed.phone_sealed, PHONE_SEAL)).toBe('13800130001');
      // A value no key here opens is left alone and does not stop the daemon.
      expect(texts.find((t) => t.id === 'x:reminder')!.phone_sealed).toBe('v1.AAAA.BBBB.CCCC');
      // New bookings are sealed the core way too.
      const fresh = (await book(again.app, 2)).body.appointment.code;
      const [n] = await again.app.store.query<{ phone_sealed: string }>('SELECT phone_sealed FROM appointments WHERE code = $1', [fresh]);
      expect(sealer.unseal(n!.phone_sealed, PHONE_SEAL)).toBe('13800130002');
    } finally {
      await again.close();
    }
  });
});

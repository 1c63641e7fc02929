import { beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../core/auth/pin';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueRecoveryCode, RECOVERY_TTL_MS } from './recovery-code';
import { LOCKOUT_MS, MaintenanceSessions, bearerToken } from './sessions';

class FakeClock {
  t = Date.parse('2025-03-01T09:00:00Z');
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

let hash: string;
beforeAll(async () => {
  hash = await hashPin('135790');
});

describe('maintenance sessions', () => {
  it('locks after five wrong PINs, refuses even the right one while locked, and unlocks after five minutes', async () => {
    const clock = new FakeClock();
    const s = new MaintenanceSessions(hash, clock, 60_000);
    for (let i = 1; i <= 4; i += 1) {
      await expect(s.login('000000')).rejects.toMatchObject({ code: 'PIN_WRONG', status: 401, details: { attemptsLeft: 5 - i } });
    }
    await expect(s.login('000000')).rejects.toMatchObject({ code: 'PIN_LOCKED', status: 429 });
    await expect(s.login('135790')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    clock.advance(LOCKOUT_MS - 1000);
    await expect(s.login('135790')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { retryAfterSeconds: 1 } });
    clock.advance(1000);
    const { token } = await s.login('135790');
    expect(s.touch(token).token).toBe(token);
  });

  it('counts a fresh set of five attempts after the lock expires', async () => {
    const clock = new FakeClock();
    const s = new MaintenanceSessions(hash, clock, 60_000);
    for (let i = 0; i < 5; i += 1) await s.login('1').catch(() => undefined);
    clock.advance(LOCKOUT_MS);
    await expect(s.login('1')).rejects.toMatchObject({ code: 'PIN_WRONG', details: { attemptsLeft: 4 } });
  });

  it('ends a session after inactivity and keeps an active one alive', async () => {
    const clock = new FakeClock();
    const s = new MaintenanceSessions(hash, clock, 60_000);
    const { token } = await s.login('135790');
    clock.advance(59_000);
    s.touch(token);
    clock.advance(59_000);
    s.touch(token);
    clock.advance(61_000);
    expect(() => s.touch(token)).toThrow(expect.objectContaining({ code: 'MAINTENANCE_SESSION_EXPIRED', status: 401 }));
    expect(() => s.touch(token)).toThrow(expect.objectContaining({ code: 'MAINTENANCE_SESSION_REQUIRED' }));
  });

  it('forgets a session at logout and refuses unknown tokens', async () => {
    const s = new MaintenanceSessions(hash, new FakeClock(), 60_000);
    const { token } = await s.login('135790');
    s.logout(token);
    expect(() => s.touch(token)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => s.touch(undefined)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('reads bearer tokens and nothing else', () => {
    expect(bearerToken('Bearer abcdefghijklmnopqrstuvwxyz012345')).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(bearerToken('Basic abcdefghijklmnopqrstuvwxyz012345')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('a guesser on the hall network cannot lock the technician at the kiosk, nor another client (issue 12 #2)', async () => {
    const s = new MaintenanceSessions(hash, new FakeClock(), 60_000);
    const guesser = { address: '10.0.0.66' };
    for (let i = 0; i < 30; i += 1) await s.login('000000', guesser).catch(() => undefined);
    await expect(s.login('135790', guesser)).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(s.login('135790', { address: '127.0.0.1' })).resolves.toMatchObject({ token: expect.any(String) });
    await expect(s.login('135790', { address: '10.0.0.7' })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('locks remote logins for the account after twenty wrong PINs from many addresses, but not loopback', async () => {
    const s = new MaintenanceSessions(hash, new FakeClock(), 60_000);
    for (let i = 0; i < 20; i += 1) await s.login('000000', { address: `10.0.1.${i}` }).catch(() => undefined);
    await expect(s.login('135790', { address: '10.0.2.1' })).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(s.login('135790', { address: '::1' })).resolves.toMatchObject({ token: expect.any(String) });
  }, 60_000); // twenty-one scrypt verifications: CPU-bound, slow on a loaded machine

  it('lets the technician at the machine in with the one-time recovery code while loopback is locked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-recovery-'));
    try {
      const clock = new FakeClock();
      const s = new MaintenanceSessions(hash, clock, 60_000, dir);
      for (let i = 0; i < 5; i += 1) await s.login('000000').catch(() => undefined);
      await expect(s.login('135790')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
      const code = issueRecoveryCode(dir, clock.t);
      // Not from the hall network, even with the right code.
      await expect(s.login(code, { address: '10.0.0.66' })).rejects.toMatchObject({ code: 'PIN_WRONG' });
      await expect(s.login(code)).resolves.toMatchObject({ token: expect.any(String) });
      // One time only; and the lock it cleared lets the PIN in again.
      await expect(s.login(code)).rejects.toMatchObject({ code: 'PIN_WRONG' });
      await expect(s.login('135790')).resolves.toMatchObject({ token: expect.any(String) });
      // An expired code opens nothing.
      const late = issueRecoveryCode(dir, clock.t);
      clock.advance(RECOVERY_TTL_MS + 1);
      await expect(s.login(late)).rejects.toMatchObject({ code: 'PIN_WRONG' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs real scrypt for at most two remote guesses at once; the rest answer PIN_BUSY', async () => {
    const s = new MaintenanceSessions(hash, new FakeClock(), 60_000);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => s.login('000000', { address: `10.0.3.${i}` })));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'PIN_WRONG')).toHaveLength(2);
    expect(codes.filter((c) => c === 'PIN_BUSY')).toHaveLength(48);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from './pin';
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
});

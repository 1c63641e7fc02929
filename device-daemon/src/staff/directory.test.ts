import { describe, expect, it } from 'vitest';
import { hashPin } from '../core/auth/pin';
import { parseConfig } from '../config/load';
import { ConfigError } from '../config/config-error';
import { ConfiguredStaff } from './directory';
import type { StaffConfig } from './config';

const at = (ms: number) => ({ now: () => new Date(ms) });

describe('staff directory', async () => {
  const pinHash = await hashPin('246810');
  const config: StaffConfig = [
    { id: 'S001', name: '李明', department: '市场监管局', roles: ['window', 'manager'], pinHash },
    { id: 'S002', name: '王芳', department: undefined, roles: ['window'], pinHash },
  ];

  it('verifies 工号 + PIN for a role, never exposing the hash', async () => {
    const staff = new ConfiguredStaff(config, at(0));
    const member = await staff.verify('S001', '246810', 'manager');
    expect(member).toEqual({ id: 'S001', name: '李明', department: '市场监管局', roles: ['window', 'manager'] });
    expect(JSON.stringify(staff.list())).not.toContain('scrypt');
    await expect(staff.verify('S002', '246810', 'manager')).rejects.toMatchObject({ code: 'STAFF_ROLE_MISSING', status: 403 });
  });

  it('answers a wrong PIN and an unknown 工号 alike, and locks one 工号 after five failures', async () => {
    let now = 0;
    const staff = new ConfiguredStaff(config, { now: () => new Date(now) });
    await expect(staff.verify('S999', '246810', 'window')).rejects.toMatchObject({ code: 'STAFF_PIN_WRONG', status: 401 });
    for (let i = 0; i < 4; i++) await expect(staff.verify('S002', '000000', 'window')).rejects.toMatchObject({ code: 'STAFF_PIN_WRONG' });
    await expect(staff.verify('S002', '000000', 'window')).rejects.toMatchObject({ code: 'STAFF_LOCKED', status: 429 });
    await expect(staff.verify('S002', '246810', 'window')).rejects.toMatchObject({ code: 'STAFF_LOCKED' });
    // Another 工号 is not locked out by someone guessing at S002.
    await expect(staff.verify('S001', '246810', 'window')).resolves.toMatchObject({ id: 'S001' });
    now += 5 * 60_000 + 1;
    await expect(staff.verify('S002', '246810', 'window')).resolves.toMatchObject({ id: 'S002' });
  });

  it('spends at most five verifications on a burst of parallel guesses at one 工号', async () => {
    const staff = new ConfiguredStaff(config, at(0));
    const burst = async () => {
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => staff.verify('S002', '000000', 'window')));
      return results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    };
    const codes = [...(await burst()), ...(await burst()), ...(await burst())];
    // Every guess past the few being verified is refused before scrypt (PIN_BUSY) or by the lock; five wrong
    // PINs in all (four «还可尝试», the fifth locks), however many arrive at once.
    expect(codes).not.toContain('OK');
    expect(codes.filter((c) => c === 'STAFF_PIN_WRONG')).toHaveLength(4);
    expect(codes.every((c) => ['STAFF_PIN_WRONG', 'STAFF_LOCKED', 'PIN_BUSY'].includes(c))).toBe(true);
    await expect(staff.verify('S002', '246810', 'window')).rejects.toMatchObject({ code: 'STAFF_LOCKED' });
  });

  it('refuses a duplicate 工号 and a malformed hash in configuration', () => {
    const dup = () => parseConfig({ staff: [config[0], { ...config[1], id: 'S001' }] }, '/tmp/d');
    expect(dup).toThrow(ConfigError);
    expect(dup).toThrow(/staff\[1\]\.id/);
    expect(() => parseConfig({ staff: [{ ...config[0], pinHash: 'scrypt$1$2' }] }, '/tmp/d')).toThrow(/staff\[0\]\.pinHash/);
  });
});

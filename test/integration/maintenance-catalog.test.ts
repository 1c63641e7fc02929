import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/**
 * GET /api/maintenance/catalog: what the technician's screens draw from (labels, self-tests, faults), served
 * from the daemon's one device list, for every device it knows, fitted or not.
 */
let d: Daemon;
beforeAll(async () => {
  d = await startDaemon({ devices: { keypad: { driver: 'simulated' } } });
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

describe('the maintenance catalog', () => {
  it('needs a session', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/catalog' });
    expect(res.statusCode).toBe(401);
  });

  it('lists every known device with its label, self-tests and simulator faults', async () => {
    const res = await d.app.inject({ url: '/api/maintenance/catalog', headers: await login(d.app) });
    expect(res.statusCode).toBe(200);
    const { devices } = res.json() as { devices: { name: string; label: string; selfTests: { level: string; label: string }[]; faults: { label: string; method: string; path: string; body?: unknown }[] }[] };
    expect(devices.map((e) => [e.name, e.label])).toEqual([
      ['printer', '票据打印机'],
      ['idReader', '身份证阅读器'],
      ['keypad', '评价器'],
      ['scanner', '扫描仪'],
      ['qrReader', '扫码器'],
    ]);
    const keypad = devices.find((e) => e.name === 'keypad')!;
    expect(keypad.selfTests).toEqual([
      { level: 'internal', label: '连接检查' },
      { level: 'interactive', label: '逐键测试' },
    ]);
    expect(keypad.faults[0]).toEqual({ label: '按键1', method: 'POST', path: '/press', body: { key: 1 } });
    expect(devices.find((e) => e.name === 'idReader')!.faults).toContainEqual({ label: '取卡', method: 'DELETE', path: '/card' });
  });
});

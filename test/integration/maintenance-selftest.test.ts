import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { login, removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/** Self-tests of every simulated device, through POST /api/maintenance/devices/:name/health. */
let d: Daemon;
let auth: { authorization: string };
beforeAll(async () => {
  d = await startDaemon({
    devices: {
      idReader: { driver: 'simulated' },
      printer: { driver: 'simulated' },
      keypad: { driver: 'simulated' },
      scanner: { driver: 'simulated' },
    },
  });
  auth = await login(d.app);
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

async function health(device: string, level: string) {
  const res = await d.app.inject({ method: 'POST', url: `/api/maintenance/devices/${device}/health`, headers: auth, payload: { level } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe('self-tests on simulated devices', () => {
  it('internal checks of all four pass without side effects', async () => {
    for (const device of ['idReader', 'printer', 'keypad', 'scanner']) {
      const { result, device: status } = (await health(device, 'internal')).json();
      expect(result, device).toMatchObject({ level: 'internal', ok: true });
      expect(result.text.length).toBeGreaterThan(0);
      expect(status.lastHealth).toEqual(result);
    }
    const { receipts } = (await d.app.inject('/api/sim/printer/receipts')).json();
    expect(receipts).toEqual([]);
  });

  it('prints a test ticket that the printer really receives', async () => {
    const { result, device } = (await health('printer', 'external')).json();
    expect(result).toMatchObject({ ok: true, text: '已打印自检页' });
    const { receipts } = (await d.app.inject('/api/sim/printer/receipts')).json();
    expect(receipts).toHaveLength(1);
    expect(device.statistics.ReceiptPrintedCount).toBeGreaterThanOrEqual(1);
  });

  it('reads a card now, and the answer carries no personal data', async () => {
    const card = CARD_PROFILES.resident!;
    expect((await d.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile: 'resident' } })).statusCode).toBeLessThan(300);
    const res = await health('idReader', 'external');
    expect(res.json().result.ok).toBe(true);
    expect(res.body).not.toContain(card.idNumber);
    expect(res.body).not.toContain(card.name);
    await d.app.inject({ method: 'DELETE', url: '/api/sim/idReader/card' });
  });

  it('reports a failing SAM module and a printer out of paper in plain words', async () => {
    await d.app.inject({ method: 'POST', url: '/api/sim/idReader/fault', payload: { fault: 'sam-fault' } });
    expect((await health('idReader', 'internal')).json().result).toMatchObject({ ok: false, text: expect.stringContaining('安全模块') });
    await d.app.inject({ method: 'POST', url: '/api/sim/idReader/fault', payload: { fault: 'none' } });

    await d.app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { paper: 'out' } });
    expect((await health('printer', 'internal')).json().result.ok).toBe(false);
    await d.app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { paper: 'ok' } });
  });

  it('scans a test page', async () => {
    const { result, device } = (await health('scanner', 'external')).json();
    expect(result).toMatchObject({ ok: true, text: expect.stringMatching(/测试扫描成功/) });
    expect(device.statistics.GoodScanCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown level, an unknown device and a second test of one device at once', async () => {
    const bad = await d.app.inject({ method: 'POST', url: '/api/maintenance/devices/printer/health', headers: auth, payload: { level: 'deep' } });
    expect(bad.statusCode).toBe(400);
    const unknown = await d.app.inject({ method: 'POST', url: '/api/maintenance/devices/coffee/health', headers: auth, payload: { level: 'internal' } });
    expect(unknown.statusCode).toBe(400);
    const [a, b] = await Promise.all([
      d.app.inject({ method: 'POST', url: '/api/maintenance/devices/scanner/health', headers: auth, payload: { level: 'external' } }),
      d.app.inject({ method: 'POST', url: '/api/maintenance/devices/scanner/health', headers: auth, payload: { level: 'external' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

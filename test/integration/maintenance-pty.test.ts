import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { login, removeDir, serialSimulators, startDaemon, type Daemon, type SerialSimulators } from './maintenance-helpers';

/**
 * The technician's self-tests of the real drivers (sam-serial, escpos-serial) over pseudo-terminals, with the
 * simulators speaking the devices' bytes on the far end: only the wire is not hardware.
 */
let sims: SerialSimulators;
let d: Daemon;
let auth: { authorization: string };

beforeAll(async () => {
  sims = await serialSimulators();
  d = await startDaemon({
    devices: {
      idReader: { driver: 'sam-serial', path: sims.readerPty.hostPath, baudRate: 115200 },
      printer: { driver: 'escpos-serial', path: sims.printerPty.hostPath, baudRate: 115200, statusIntervalMs: 500 },
    },
  });
  auth = await login(d.app);
});

afterAll(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  await sims?.close();
});

async function health(device: string, level: string) {
  const res = await d.app.inject({ method: 'POST', url: `/api/maintenance/devices/${device}/health`, headers: auth, payload: { level } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ result: { ok: boolean; text: string }; device: { state: string; transport: string; simulated: boolean; statistics: Record<string, number> } }>();
}

describe('self-tests over a pty', () => {
  it('lists both devices as real serial devices, idle', async () => {
    await expect
      .poll(async () => (await d.app.inject({ url: '/api/maintenance/devices', headers: auth })).json().devices.map((x: { name: string; state: string }) => `${x.name}:${x.state}`), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['idReader:idle', 'printer:idle']));
    const { device } = await health('idReader', 'internal');
    expect(device).toMatchObject({ simulated: false, transport: `serial ${sims.readerPty.hostPath} @115200` });
  });

  it('SAM self-test: passes, then reports the module fault the simulator injects', async () => {
    expect((await health('idReader', 'internal')).result).toMatchObject({ ok: true, text: '安全模块自检正常' });
    expect(sims.reader.received).toContainEqual([0x11, 0xff]);
    sims.reader.fault = 'sam-fault';
    try {
      expect((await health('idReader', 'internal')).result).toMatchObject({ ok: false, text: expect.stringContaining('SW3 0x60') });
    } finally {
      sims.reader.fault = 'none';
    }
  });

  it('reads a card now over the wire, counting a good read', async () => {
    sims.reader.putCard(CARD_PROFILES.resident!);
    try {
      const { result, device } = await health('idReader', 'external');
      expect(result.ok).toBe(true);
      expect(device.statistics.GoodReadCount).toBeGreaterThanOrEqual(1);
    } finally {
      sims.reader.removeCard();
    }
  });

  it('printer: status check, a test ticket the simulator decodes, and a cover left open', async () => {
    expect((await health('printer', 'internal')).result.ok).toBe(true);
    const before = sims.printer.roll.list().length;
    expect((await health('printer', 'external')).result).toMatchObject({ ok: true, text: '已打印自检页' });
    const receipts = sims.printer.roll.list();
    expect(receipts.length).toBe(before + 1);
    expect(receipts.at(-1)!.lines.map((l) => l.text).join('\n')).toContain('打印机自检页');
    expect(receipts.at(-1)!.lines.map((l) => l.text).join('\n')).toContain(`连接：serial ${sims.printerPty.hostPath} @115200`);
    sims.printer.set({ cover: 'open' });
    try {
      expect((await health('printer', 'internal')).result.ok).toBe(false);
    } finally {
      sims.printer.set({ cover: 'closed' });
    }
  });
});

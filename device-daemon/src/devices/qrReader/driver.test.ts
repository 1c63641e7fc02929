import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackTransport } from '../core/loopback-transport';
import { QrReaderDriver, type QrReaderEvents } from './driver';
import { QrScannerSimulator } from './sim/simulator';
import { KeyboardTransport } from './transport/keyboard-transport';

const settings = { suffix: 'CR' as const, encoding: 'auto' as const, maxLength: 64, partialTimeoutMs: 80, selfTestSeconds: 3 };
const drivers: QrReaderDriver[] = [];
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close();
});

async function rig(mode: 'serial' | 'hid', sends: 'utf-8' | 'gb18030' = 'utf-8') {
  const sim = new QrScannerSimulator({ mode, suffix: 'CR', sends });
  const transport = mode === 'hid' ? new KeyboardTransport(sim.hid) : new LoopbackTransport(sim, 'sim');
  const driver = new QrReaderDriver(transport, settings, { simulated: true, driver: 'simulated' });
  drivers.push(driver);
  await driver.open();
  return { sim, driver, transport };
}

function next<K extends keyof QrReaderEvents>(driver: QrReaderDriver, event: K): Promise<QrReaderEvents[K][0]> {
  return new Promise((resolve) => driver.scans.once(event, ((e: QrReaderEvents[K][0]) => resolve(e)) as never));
}

describe('QrReaderDriver', () => {
  it.each(['utf-8', 'gb18030'] as const)('reads Chinese text the scanner sends in %s (serial mode)', async (sends) => {
    const { sim, driver } = await rig('serial', sends);
    const got = next(driver, 'scan');
    sim.scan('预约码 YY-K7P3Q9');
    expect((await got).text).toBe('预约码 YY-K7P3Q9');
    expect(driver.status().statistics.ScanCount).toBe(1);
  });

  it('reads a keyboard-mode scanner through its boot reports', async () => {
    const { sim, driver } = await rig('hid');
    const got = next(driver, 'scan');
    sim.scan('https://hall.example/m/t/Abc-123?x=Y');
    expect((await got).text).toBe('https://hall.example/m/t/Abc-123?x=Y');
  });

  it('turns noise, an overlong run and half a code into plain bad scans, and keeps reading', async () => {
    const { sim, driver } = await rig('serial');
    const codes: string[] = [];
    driver.scans.on('badScan', (e) => codes.push(e.code));
    sim.sendRaw(Buffer.from('0102030d', 'hex'));
    sim.sendRaw(Buffer.from(`${'x'.repeat(100)}\r`));
    sim.sendRaw(Buffer.from([0xff, 0xfe, 0x0d]));
    const partial = next(driver, 'badScan');
    sim.partial('YY-K7P3Q9');
    await partial;
    expect(codes).toEqual(['QR_NOISE', 'QR_TOO_LONG', 'QR_UNREADABLE_TEXT', 'QR_PARTIAL']);
    const got = next(driver, 'scan');
    sim.scan('OK');
    expect((await got).text).toBe('OK');
    expect(driver.status().statistics.BadScanCount).toBe(4);
    expect(driver.status().recentErrors[0]!.code).toBe('QR_PARTIAL');
  });

  it('goes offline when unplugged and comes back by itself', async () => {
    const { driver, transport } = await rig('serial');
    (transport as LoopbackTransport).unplug();
    expect(driver.state).toBe('offline');
    (transport as LoopbackTransport).plug();
    await new Promise((r) => setTimeout(r, 700));
    expect(driver.state).toBe('idle');
  });

  it('passes the 扫码测试 self-test on a scan, without showing its text', async () => {
    const { sim, driver } = await rig('serial');
    const scans: string[] = [];
    driver.scans.on('scan', (s) => scans.push(s.text));
    const test = driver.checkHealth('interactive');
    setTimeout(() => sim.scan('YY-SECRET1'), 20);
    expect(await test).toMatchObject({ ok: true, text: '扫码成功（10 个字符）' });
    expect(scans).toEqual([]);
  });
});

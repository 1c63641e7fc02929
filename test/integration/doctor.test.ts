import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialSimulators, type SerialSimulators } from './maintenance-helpers';
import type { DoctorReport } from '../../device-daemon/src/doctor/report';

/**
 * `npm run doctor -- --json` on this machine, with a configuration whose reader and printer are serial ports
 * (pty pairs) with the production simulators on the far end. The document must say what is true.
 */
const root = path.resolve(import.meta.dirname, '../..');
let sims: SerialSimulators;
let dir: string;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: root, env: { ...process.env, ...env }, timeout: 90_000, maxBuffer: 8 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function doctor(config: object): Promise<{ code: number; report: DoctorReport }> {
  const file = path.join(dir, `kiosk-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(config));
  const r = await run('npm', ['run', '-s', 'doctor', '--', '--json'], { KIOSK_CONFIG: file, KIOSK_DATA_DIR: path.join(dir, 'data') });
  return { code: r.code, report: JSON.parse(r.stdout) as DoctorReport };
}

const check = (report: DoctorReport, id: string) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${report.checks.map((c) => c.id).join(', ')}`);
  return found;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-doctor-'));
  sims = await serialSimulators();
});

afterAll(async () => {
  await sims?.close();
  rmSync(dir, { recursive: true, force: true });
});

const healthyConfig = () => ({
  devices: {
    idReader: { driver: 'sam-serial', path: sims.readerPty.hostPath, baudRate: 115200 },
    printer: { driver: 'escpos-serial', path: sims.printerPty.hostPath, baudRate: 115200 },
    keypad: { driver: 'simulated' },
    scanner: { driver: 'sane', device: 'test' },
  },
});

describe('npm run doctor -- --json', () => {
  it('probes the reader and the printer over serial and tells the truth about this machine', async () => {
    const { code, report } = await doctor(healthyConfig());
    expect(report.tool).toBe('kiosk-doctor');
    expect(check(report, 'config').status).toBe('PASS');
    expect(check(report, 'device.idReader')).toMatchObject({ status: 'PASS', data: { sw3: 0x90 } });
    expect(sims.reader.received).toContainEqual([0x11, 0xff]); // the SAM status command reached the simulator
    expect(check(report, 'device.printer')).toMatchObject({ status: 'PASS', detail: 'online, cover closed, paper OK' });
    expect(check(report, 'device.keypad').status).toBe('PASS');
    expect(check(report, 'device.scanner').status).toBe('PASS');

    // What the doctor lists is what the machine has.
    const fonts = await run('fc-list', [':lang=zh', 'family']);
    const families = new Set(fonts.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    expect(check(report, 'system.fonts')).toMatchObject({ status: families.size > 0 ? 'PASS' : 'FAIL', data: { families: [...families] } });
    const { SerialPort } = await import('serialport');
    const ports = (await SerialPort.list()).map((p) => p.path);
    expect((check(report, 'serial.ports').data!.ports as { path: string }[]).map((p) => p.path)).toEqual(ports);
    const sane = await run('scanimage', ['-L']);
    const saneDevices = [...sane.stdout.matchAll(/device `([^']+)'/g)].map((m) => m[1]);
    expect((check(report, 'sane.scanners').data!.devices as { device: string }[]).map((d) => d.device)).toEqual(saneDevices);
    const year = new Date().getUTCFullYear();
    expect(check(report, 'system.clock').status).toBe(year >= 2024 && year < 2100 ? 'PASS' : 'FAIL');
    expect(check(report, 'system.disk').data!.freeBytes).toBeGreaterThan(0);

    // Exit status and summary agree with the lines.
    const fails = report.checks.filter((c) => c.status === 'FAIL');
    expect(report.summary.FAIL).toBe(fails.length);
    expect(report.ok).toBe(fails.length === 0);
    expect(code).toBe(fails.length === 0 ? 0 : 1);
    for (const c of report.checks.filter((x) => x.status !== 'PASS')) expect(c.hint, c.id).toBeTruthy();
  });

  it('reports a failing SAM module, an open printer cover and a missing keypad as FAIL, and exits 1', async () => {
    sims.reader.fault = 'sam-fault';
    sims.printer.set({ cover: 'open' });
    try {
      const config = healthyConfig();
      const { code, report } = await doctor({
        ...config,
        devices: { ...config.devices, keypad: { driver: 'hid', vendorId: 0xfffe, productId: 0xfffd } },
      });
      expect(check(report, 'device.idReader')).toMatchObject({ status: 'FAIL', data: { sw3: 0x60, code: 'SAM_FAULT' } });
      expect(check(report, 'device.printer')).toMatchObject({ status: 'FAIL', detail: 'cover open', hint: 'close the printer cover' });
      expect(check(report, 'device.keypad')).toMatchObject({ status: 'FAIL', detail: 'no such HID device' });
      expect(report.ok).toBe(false);
      expect(code).toBe(1);
    } finally {
      sims.reader.fault = 'none';
      sims.printer.set({ cover: 'closed' });
    }
  });

  it('names the bad key of an invalid configuration and does not probe', async () => {
    const { code, report } = await doctor({ devices: { printer: { driver: 'escpos-serial', path: sims.printerPty.hostPath, baud: 9600 } } });
    expect(check(report, 'config')).toMatchObject({ status: 'FAIL', data: { path: 'devices.printer.baud' } });
    expect(report.checks.some((c) => c.id.startsWith('device.'))).toBe(false);
    expect(code).toBe(1);
  });

  it('prints a table for people', async () => {
    const file = path.join(dir, 'table.json');
    writeFileSync(file, JSON.stringify(healthyConfig()));
    const r = await run('npm', ['run', '-s', 'doctor'], { KIOSK_CONFIG: file, KIOSK_DATA_DIR: path.join(dir, 'data') });
    expect(r.stdout).toMatch(/^status\s+check\s+found\s+fix/m);
    expect(r.stdout).toMatch(/^PASS\s+ID-card reader on .* \(SAM status 11 FF\)/m);
    expect(r.stdout).toMatch(/^PASS \d+ {2}WARN \d+ {2}FAIL \d+/m);
  });
});

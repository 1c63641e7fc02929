import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, parseConfig } from './load';
import { ConfigError } from './config-error';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const CONTRACT_EXAMPLE = {
  hall: { name: '潮安区政务服务中心', timezone: 'Asia/Shanghai' },
  devices: {
    idReader: { driver: 'sam-serial', path: '/dev/ttyUSB0', baudRate: 115200 },
    printer: { driver: 'escpos-serial', path: '/dev/ttyUSB1', baudRate: 115200 },
    keypad: { driver: 'hid', vendorId: 1155, productId: 22352 },
    scanner: { driver: 'sane', device: 'test' },
  },
  store: { driver: 'sqlite', path: 'data/kiosk.db' },
  ui: { pageTimeoutSeconds: 60 },
};

describe('configuration', () => {
  it('accepts the example of docs/INTERFACE.md and fills defaults', () => {
    const c = parseConfig(CONTRACT_EXAMPLE, '/tmp/d');
    expect(c.devices.printer).toEqual({
      driver: 'escpos-serial', path: '/dev/ttyUSB1', baudRate: 115200,
      statusIntervalMs: 5000, statusFreshMs: 0, statusTimeoutMs: 1000, writeTimeoutMs: 10000, cut: 'full', statusReplies: 'required',
    });
    expect(c.ui).toEqual({ pageTimeoutSeconds: 60, elderPageTimeoutSeconds: 120, attractAfterSeconds: 90, voice: { language: 'cmn' } });
    expect(c.queue.categories.map((x) => x.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(c.queue.categories[5]).toMatchObject({ name: '企业绿色通道', priority: true });
    expect(c.store).toEqual({ driver: 'sqlite', path: path.resolve('data/kiosk.db') });
  });

  it('with no file simulates every device and keeps data under the data folder', () => {
    const c = loadConfig({ dataDir: '/tmp/kiosk-data' });
    expect(Object.values(c.devices).map((d) => d?.driver)).toEqual(['simulated', 'simulated', 'simulated', 'simulated', 'simulated']);
    expect(c.store).toEqual({ driver: 'sqlite', path: '/tmp/kiosk-data/kiosk.db' });
  });

  it('a device left out of a file is not fitted', () => {
    const c = parseConfig({ devices: { printer: { driver: 'simulated' } } });
    expect(Object.keys(c.devices)).toEqual(['printer']);
  });

  it.each([
    [{ hall: { name: '大厅', nmae: 'x' } }, 'hall.nmae', /a known key \(name, timezone/],
    [{ devices: { printer: { driver: 'escpos-serial' } } }, 'devices.printer.path', /serial device path/],
    [{ devices: { printer: { driver: 'laser' } } }, 'devices.printer.driver', /"simulated", "escpos-serial", "escpos-device"/],
    [{ devices: { keypad: { driver: 'hid', vendorId: 70000, productId: 1 } } }, 'devices.keypad.vendorId', /0 to 65535/],
    [{ ui: { pageTimeoutSeconds: '60' } }, 'ui.pageTimeoutSeconds', /whole number from 10 to 600/],
    [{ hall: { timezone: 'Mars/Olympus' } }, 'hall.timezone', /IANA time zone/],
    [{ store: { driver: 'postgres', url: 'mysql://x' } }, 'store.url', /postgres:\/\//],
    [{ queue: { categories: [{ id: 'AB', name: 'x' }] } }, 'queue.categories[0].id', /one capital letter/],
    [{ evaluation: { upstream: { url: 'ftp://x' } } }, 'evaluation.upstream.url', /http\(s\) URL/],
    // Issue 12 #8: fetch refuses URLs with credentials: it could never deliver. The password is not echoed.
    [{ evaluation: { upstream: { url: 'https://u:s3cr3t@rate.example/r' } } }, 'evaluation.upstream.url', /^(?!.*s3cr3t).*without user:password/],
    [{ maintenance: { pinHash: 'scrypt$oops' } }, 'maintenance.pinHash', /--hash-pin/],
  ])('rejects %j naming the key, the value and what is expected', (raw, key, expected) => {
    const err = errorOf(() => parseConfig(raw));
    expect(err.path).toBe(key);
    expect(err.message).toMatch(expected);
    expect(err.message.split('\n')).toHaveLength(1);
    expect(err.message).toContain(key);
  });

  it.each([
    // a nested key, inside a list inside a section
    [{ queue: { categories: [{ id: 'A', name: '民生', hours: [{ from: '8:00', to: '12:00' }] }] } },
      'invalid configuration: queue.categories[0].hours[0].from = "8:00"; expected a time of day "HH:MM"'],
    // an unknown key, inside a device section chosen by its driver
    [{ devices: { scanner: { driver: 'sane', device: 'test', dpi: 300 } } },
      'invalid configuration: devices.scanner.dpi = 300; expected a known key (driver, device, sourceNames, timeoutSeconds)'],
    // a wrong enum
    [{ scan: { mode: 'colour' } }, 'invalid configuration: scan.mode = "colour"; expected one of "gray", "color"'],
    // custom checks keep their hints
    [{ hall: { timezone: 'Mars/Olympus' } },
      'invalid configuration: hall.timezone = "Mars/Olympus"; expected an IANA time zone such as "Asia/Shanghai"'],
    [{ devices: { keypad: { driver: 'simulated', model: { mode: 'vendor-report', reportLength: 4, offset: 4, releaseValue: 0, values: [{ code: 1, key: 1 }] } } } },
      'invalid configuration: devices.keypad.model.offset = 4; expected less than reportLength (4)'],
  ])('names the key, the value and what was expected in one line: %j', (raw, line) => {
    expect(errorOf(() => parseConfig(raw)).message).toBe(line);
  });

  it('fills defaults inside the variant a driver picks, and decodes a keypad model name', () => {
    const c = parseConfig({ devices: { keypad: { driver: 'simulated', model: 'vendor-5key' } } });
    expect(c.devices.keypad).toMatchObject({ driver: 'simulated', windowSeconds: 10, keyLevels: [1, 2, 3, 4, 5] });
    expect(c.devices.keypad?.model).toMatchObject({ mode: 'vendor-report' });
  });

  it('reports unreadable and malformed files as configuration errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "hall": ');
    expect(errorOf(() => loadConfig({ file: bad })).message).toMatch(/valid JSON/);
    expect(errorOf(() => loadConfig({ file: path.join(dir, 'missing.json') })).message).toMatch(/readable file \(ENOENT\)/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../config/load';
import { devicesToProbe } from '../doctor/device-probes';
import { catalogSchema, deviceParams } from '../maintenance/schemas';
import { EventBus } from '../events/bus';
import { anyDescriptor, DEVICE_NAMES, deviceCatalog, deviceDescriptors } from './descriptors';

const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-descriptors-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The list drives everything that names a device: adding one is its folder plus one line in the list. */
describe('the device list', () => {
  it('names each device once', () => {
    expect(new Set(DEVICE_NAMES).size).toBe(deviceDescriptors.length);
    expect(DEVICE_NAMES).toEqual(['printer', 'idReader', 'keypad', 'scanner', 'qrReader']);
  });

  it('gives the configuration one optional section per device, all simulated without a file', () => {
    const config = loadConfig({ dataDir });
    expect(Object.keys(config.devices).sort()).toEqual([...DEVICE_NAMES].sort());
    for (const name of DEVICE_NAMES) expect(config.devices[name]?.driver).toBe('simulated');
    expect(parseConfig({ devices: {} }, dataDir).devices).toEqual({});
    expect(() => parseConfig({ devices: { camera: { driver: 'simulated' } } }, dataDir)).toThrow(
      `devices.camera = {"driver":"simulated"}; expected a known key (${DEVICE_NAMES.join(', ')})`,
    );
  });

  it('names every device in the maintenance schemas and the catalog', () => {
    expect((deviceParams.properties.name as unknown as { anyOf: { const: string }[] }).anyOf.map((l) => l.const)).toEqual(DEVICE_NAMES);
    expect(catalogSchema.properties.devices.items.properties.name.enum).toEqual(DEVICE_NAMES);
    const catalog = deviceCatalog();
    expect(catalog.map((c) => c.name)).toEqual(DEVICE_NAMES);
    for (const entry of catalog) {
      expect(entry.label).toMatch(/\p{Script=Han}/u);
      expect(entry.selfTests.length).toBeGreaterThan(0);
    }
  });

  it('gives the doctor one probe per configured device, of the kind its configuration asks for', () => {
    const config = parseConfig(
      {
        devices: {
          printer: { driver: 'escpos-device', path: '/dev/usb/lp0' },
          idReader: { driver: 'sam-serial', path: '/dev/ttyUSB0' },
          keypad: { driver: 'hid', vendorId: 0x0483, productId: 0x5750 },
          scanner: { driver: 'simulated' },
          qrReader: { driver: 'serial', path: '/dev/ttyACM0' },
        },
      },
      dataDir,
    );
    expect(devicesToProbe(config).map(({ name, probe }) => [name, probe.kind])).toEqual([
      ['printer', 'escpos'],
      ['idReader', 'sam-serial'],
      ['keypad', 'hid'],
      ['scanner', 'simulated'],
      ['qrReader', 'serial-open'],
    ]);
    expect(devicesToProbe(parseConfig({ devices: { keypad: { driver: 'simulated' } } }, dataDir)).map((p) => p.name)).toEqual(['keypad']);
  });

  // Every fault button the technician sees is a route the simulator answers.
  it.each(DEVICE_NAMES)('%s: every catalog fault is answered by its simulator routes', async (name) => {
    const config = loadConfig({ dataDir });
    const app = Fastify({ logger: false });
    const ctx = { config, log: app.log, events: new EventBus(), dataDir };
    const fitted = await anyDescriptor(name).create(config.devices[name]!, ctx);
    expect(fitted.driver.name).toBe(name);
    await app.register(fitted.simRoutes!, { prefix: `/api/sim/${name}` });
    await fitted.driver.open();
    try {
      for (const fault of anyDescriptor(name).faults) {
        const res = await app.inject({ method: fault.method, url: `/api/sim/${name}${fault.path}`, ...(fault.body ? { payload: fault.body as object } : {}) });
        expect(res.statusCode, `${fault.label}: ${res.body}`).toBeLessThan(300);
      }
    } finally {
      await fitted.driver.close();
      await app.close();
    }
  });
});

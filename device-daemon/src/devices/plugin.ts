import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { DeviceDriver, DeviceName } from './core/device';
import type { DeviceContext, FittedDevice } from './registry';
import { createPrinter, type PrinterDriver } from './printer';
import { createIdReader, type IdReaderDriver } from './idcard';
import { createKeypad, type KeypadDriver } from './keypad';
import { createScanner, type ScannerDriver } from './scanner';

/** The fitted devices; a device left out of the configuration is absent and the UI hides what needs it. */
export interface Devices {
  printer?: PrinterDriver;
  idReader?: IdReaderDriver;
  keypad?: KeypadDriver;
  scanner?: ScannerDriver;
}

declare module 'fastify' {
  interface FastifyInstance {
    devices: Devices;
    /** Every fitted device, for health pages and maintenance. */
    deviceList(): DeviceDriver[];
  }
}

/**
 * Builds every configured device, wires its state changes to the event bus, opens them (a missing device goes
 * offline and keeps retrying, it never stops the daemon) and closes them when the app closes.
 */
export default fp(
  async function devicesPlugin(app: FastifyInstance) {
    const { devices: cfg } = app.config;
    const ctx: DeviceContext = { config: app.config, log: app.log, events: app.events, dataDir: app.config.dataDir };
    const fitted: Partial<Record<DeviceName, FittedDevice>> = {};
    if (cfg.printer) fitted.printer = await createPrinter(cfg.printer, ctx);
    if (cfg.idReader) fitted.idReader = await createIdReader(cfg.idReader, ctx);
    if (cfg.keypad) fitted.keypad = await createKeypad(cfg.keypad, ctx);
    if (cfg.scanner) fitted.scanner = await createScanner(cfg.scanner, ctx);

    const devices = Object.fromEntries(Object.entries(fitted).map(([k, v]) => [k, v!.driver])) as Devices;
    app.decorate('devices', devices);
    app.decorate('deviceList', () => Object.values(fitted).map((f) => f!.driver));

    for (const [name, device] of Object.entries(fitted)) {
      const driver = device!.driver;
      driver.on('state', (e) => {
        app.log.info({ device: name, state: e.state, previous: e.previous, reason: e.reason }, 'device state');
        app.events.publish('device.state', { device: name, ...e });
      });
      driver.on('status', (status) => app.events.publish('device.status', { device: name, status: { ...status } }));
      driver.on('fault', (e) => app.log.warn({ device: name, code: e.code, locus: e.locus }, e.message));
      if (device!.simRoutes) await app.register(device!.simRoutes, { prefix: `/api/sim/${name}` });
    }
    // Routes under /api/sim/<device> of a real (or absent) device answer 404, as the contract says.

    app.addHook('onReady', async () => {
      await Promise.all(app.deviceList().map((d) => d.open()));
    });
    app.addHook('onClose', async () => {
      await Promise.all(app.deviceList().map((d) => d.close()));
    });
  },
  { name: 'devices', dependencies: ['config', 'events'] },
);

import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { DeviceDriver } from './core/device';
import type { DeviceContext, FittedDevice } from './core/descriptor';
import { anyDescriptor, DEVICE_NAMES, type DeviceName, type Devices } from './descriptors';

export type { Devices } from './descriptors';

declare module 'fastify' {
  interface FastifyInstance {
    devices: Devices;
    /** Every fitted device, for health pages and maintenance. */
    deviceList(): DeviceDriver[];
  }
}

/**
 * Builds every configured device of the device list, wires its state changes to the event bus, opens them (a
 * missing device goes offline and keeps retrying, it never stops the daemon) and closes them when the app closes.
 */
export default fp(
  async function devicesPlugin(app: FastifyInstance) {
    const cfg = app.config.devices as Partial<Record<DeviceName, { driver: string }>>;
    const ctx: DeviceContext = { config: app.config, log: app.log, events: app.events, dataDir: app.config.dataDir };
    const fitted: [DeviceName, FittedDevice][] = [];
    for (const name of DEVICE_NAMES) {
      const section = cfg[name];
      if (section) fitted.push([name, await anyDescriptor(name).create(section, ctx)]);
    }

    const devices = Object.fromEntries(fitted.map(([name, f]) => [name, f.driver])) as Devices;
    app.decorate('devices', devices);
    app.decorate('deviceList', () => fitted.map(([, f]) => f.driver));

    for (const [name, device] of fitted) {
      const driver = device.driver;
      driver.on('state', (e) => {
        app.log.info({ device: name, state: e.state, previous: e.previous, reason: e.reason }, 'device state');
        app.events.publish('device.state', { device: name, ...e });
      });
      driver.on('status', (status) => app.events.publish('device.status', { device: name, status: { ...status } }));
      driver.on('fault', (e) => app.log.warn({ device: name, code: e.code, locus: e.locus }, e.message));
      if (device.simRoutes) await app.register(device.simRoutes, { prefix: `/api/sim/${name}` });
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

import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { KioskConfig } from '../config/schema';
import type { EventBus } from '../events/bus';
import type { DeviceDriver } from './core/device';

/** What a device module's factory gets. */
export interface DeviceContext {
  config: KioskConfig;
  log: FastifyBaseLogger;
  events: EventBus;
  dataDir: string;
}

/** What a device module's factory returns for a fitted device. */
export interface FittedDevice<D extends DeviceDriver = DeviceDriver> {
  driver: D;
  /**
   * Routes mounted under `/api/sim/<device name>` only while the device is simulated (docs/INTERFACE.md):
   * a scripting API for tests, demos and the technician's fault-injection panel.
   */
  simRoutes?: FastifyPluginAsync;
}

import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { TSchema } from 'typebox';
import type { KioskConfig } from '../../config/schema';
import type { EventBus } from '../../events/bus';
import type { DeviceDriver, HealthLevel } from './device';

/** What a device's factory gets. */
export interface DeviceContext {
  config: KioskConfig;
  log: FastifyBaseLogger;
  events: EventBus;
  dataDir: string;
}

/** What a device's factory returns for a fitted device. */
export interface FittedDevice<D extends DeviceDriver = DeviceDriver> {
  driver: D;
  /**
   * Routes mounted under `/api/sim/<device name>` only while the device is simulated (docs/INTERFACE.md):
   * a scripting API for tests, demos and the technician's fault-injection panel.
   */
  simRoutes?: FastifyPluginAsync;
}

/** A self-test button on the technician's device card: one checkHealth level, in the technician's words. */
export interface SelfTest {
  level: HealthLevel;
  label: string;
}

/** A fault-injection button: one call to the device's simulator routes (only shown while simulated). */
export interface FaultAction {
  label: string;
  method: 'POST' | 'DELETE';
  /** Under `/api/sim/<device name>`. */
  path: string;
  body?: unknown;
}

/**
 * How `npm run doctor` asks a configured device one harmless question. The device says which kind of probe
 * fits its configuration; the doctor knows how to run each kind (a new device on a known link needs no
 * doctor code; a new kind of link adds one case there).
 */
export type DoctorProbe =
  | { kind: 'simulated' }
  | { kind: 'sam-serial'; path: string; baudRate: number }
  | { kind: 'escpos'; link: 'serial' | 'device'; path: string; baudRate: number; repliesRequired: boolean }
  | { kind: 'hid'; vendorId: number; productId: number; path?: string }
  | { kind: 'sane'; device: string }
  /** A serial device that speaks only when used (a scanner in CDC mode): open and close proves it is there. */
  | { kind: 'serial-open'; path: string; baudRate: number }
  /** A device driven over libusb (e.g. a SAM module in USB mode): found by vendor and product id and opened. */
  | { kind: 'usb'; vendorId: number; productId: number }
  /** A vendor's shared library: it loads, and exports the entry points its family needs. */
  | { kind: 'shared-library'; library: string; symbols: string[] }
  /** A V4L2 camera through ffmpeg: the device node exists, is readable, and ffmpeg can list its formats. */
  | { kind: 'camera'; device: string; ffmpeg: string };

/**
 * A device described once: everything the daemon, the doctor and the technician's screens need to know about
 * it. The list in `devices/descriptors.ts` is the only place a device is named; the device-name type, the
 * `Devices` record, the configuration's `devices` section, the maintenance schemas, the doctor's probes and
 * the maintenance catalog are derived from it.
 */
export interface DeviceDescriptor<N extends string = string, C extends { driver: string } = { driver: string }, D extends DeviceDriver = DeviceDriver> {
  /** The key under `devices` in the configuration, in `/api/sim/<name>` and in events. */
  readonly name: N;
  /** In the technician's words (设备维护 screen). */
  readonly label: string;
  /** In English, for the doctor's report. */
  readonly title: string;
  /** The `devices.<name>` configuration section (TypeBox); its decoded value is `C`. */
  readonly config: TSchema;
  /** Builds the driver (and its simulator routes when simulated). */
  create(config: C, ctx: DeviceContext): Promise<FittedDevice<D>>;
  /** Which doctor probe fits this configuration. */
  doctorProbe(config: C): DoctorProbe;
  /** The checkHealth levels the device offers, in the order the buttons appear. */
  readonly selfTests: readonly SelfTest[];
  /** The simulator's fault-injection actions. */
  readonly faults: readonly FaultAction[];
}

/** Infers a descriptor's literal name, configuration and driver types. */
export function defineDevice<const N extends string, C extends { driver: string }, D extends DeviceDriver>(
  descriptor: DeviceDescriptor<N, C, D>,
): DeviceDescriptor<N, C, D> {
  return descriptor;
}

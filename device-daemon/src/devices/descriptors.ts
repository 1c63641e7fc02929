/**
 * THE list of devices this kiosk knows. Adding a device is its own folder plus one entry here (README.md of this
 * folder has the checklist); everything that names devices is derived from this list.
 */
import { Type, type TProperties } from 'typebox';
import type { DeviceDescriptor, FaultAction, SelfTest } from './core/descriptor';
import { printer } from './printer';
import { idReader } from './idcard';
import { keypad } from './keypad';
import { scanner } from './scanner';
import { qrReader } from './qrReader';

export const deviceDescriptors = [printer, idReader, keypad, scanner, qrReader] as const;

type Listed = (typeof deviceDescriptors)[number];
type Named<N extends DeviceName> = Extract<Listed, { name: N }>;
type ConfigOf<D> = D extends DeviceDescriptor<string, infer C, infer _> ? C : never;
type DriverOf<D> = D extends DeviceDescriptor<string, infer _, infer V> ? V : never;

export type DeviceName = Listed['name'];
export const DEVICE_NAMES: readonly DeviceName[] = deviceDescriptors.map((d) => d.name);

/** The fitted devices; a device left out of the configuration is absent and the UI hides what needs it. */
export type Devices = { [N in DeviceName]?: DriverOf<Named<N>> };

/** The `devices` configuration, typed: each device's own section, every one optional (absent = not fitted). */
export type DeviceConfigs = { [N in DeviceName]?: ConfigOf<Named<N>> };
/** The same as a schema: the properties of the `devices` section, built from the list. */
export const deviceConfigShape: TProperties = Object.fromEntries(deviceDescriptors.map((d) => [d.name, Type.Optional(d.config)]));

/** With no configuration file every device is simulated (docs/INTERFACE.md). */
export const simulatedDevices = Object.fromEntries(DEVICE_NAMES.map((n) => [n, { driver: 'simulated' }])) as Record<DeviceName, { driver: 'simulated' }>;

/** Widened for code that walks the list without caring which device it is. */
export const anyDescriptor = (name: DeviceName) => deviceDescriptors.find((d) => d.name === name) as unknown as DeviceDescriptor<DeviceName, { driver: string }>;

/** What the technician's screens know about each device (served at GET /api/maintenance/catalog). */
export interface CatalogEntry {
  name: DeviceName;
  label: string;
  selfTests: SelfTest[];
  faults: FaultAction[];
}

export const deviceCatalog = (): CatalogEntry[] =>
  deviceDescriptors.map((d) => ({ name: d.name, label: d.label, selfTests: [...d.selfTests], faults: [...d.faults] }));

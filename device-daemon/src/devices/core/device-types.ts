/** UnifiedPOS-style device states (docs/PROTOCOLS.md §6), plus `offline`: configured but not reachable. */
export type DeviceState = 'closed' | 'idle' | 'busy' | 'error' | 'offline';

/** internal: no side effects; external: may print, read or scan; interactive: asks the technician. */
export type HealthLevel = 'internal' | 'external' | 'interactive';

export interface HealthResult {
  level: HealthLevel;
  ok: boolean;
  /** Human-readable CheckHealthText, in Chinese for the technician. */
  text: string;
  at: string;
}

export interface DeviceErrorRecord {
  at: string;
  code: string;
  message: string;
  /** UnifiedPOS error locus: did it happen sending to the device or receiving from it. */
  locus?: 'input' | 'output';
}

export interface DeviceStatus {
  /** One of `DeviceName` (devices/descriptors.ts); the model itself does not know the device list. */
  name: string;
  driver: string;
  simulated: boolean;
  state: DeviceState;
  since: string;
  /** Why the device is in its state, in plain words; absent when idle. */
  reason?: string;
  transport?: string;
  /** Device-specific facts, e.g. a printer's paper state. Never personal data. */
  detail: Record<string, unknown>;
  statistics: Record<string, number>;
  recentErrors: DeviceErrorRecord[];
  lastHealth?: HealthResult;
}

export interface DeviceEvents {
  state: [{ state: DeviceState; previous: DeviceState; reason?: string }];
  status: [DeviceStatus];
  /** A device error was recorded (named 'fault', not 'error': an unheard 'error' event would throw). */
  fault: [DeviceErrorRecord];
}

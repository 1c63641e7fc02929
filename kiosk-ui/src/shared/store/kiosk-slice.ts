import type { StateCreator } from 'zustand';
import type { KioskStore } from './index';

export interface KioskInfo {
  version: string;
  hall: { name: string; timezone: string; kioskId: string };
  ui: { pageTimeoutSeconds: number; elderPageTimeoutSeconds: number; attractAfterSeconds: number };
  devices: Record<string, { simulated: boolean; state: string }>;
}

/**
 * What one person chooses for themselves (关爱模式 and any later per-person setting). Every key here goes back
 * to these defaults when the person's session ends (home by «首页», countdown or done), so nothing passes to
 * whoever comes next.
 */
export const PERSON_DEFAULTS = { elderMode: false } as const satisfies Partial<KioskSlice>;

/** Facts about this kiosk and its daemon: server data the shell keeps fresh, not a person's input. */
export interface KioskSlice {
  info: KioskInfo | undefined;
  daemonReachable: boolean;
  /** Live device states from `device.status` events; a device absent here is not fitted. */
  deviceStates: Record<string, string>;
  /** 关爱模式: larger type, voice guidance, longer countdowns. */
  elderMode: boolean;
  setInfo(info: KioskInfo): void;
  setDaemonReachable(reachable: boolean): void;
  setDeviceState(device: string, state: string): void;
  setElderMode(on: boolean): void;
}

export const createKioskSlice: StateCreator<KioskStore, [], [], KioskSlice> = (set) => ({
  info: undefined,
  daemonReachable: true,
  deviceStates: {},
  ...PERSON_DEFAULTS,
  setInfo: (info) =>
    set((s) => ({
      info,
      deviceStates: { ...Object.fromEntries(Object.entries(info.devices).map(([k, v]) => [k, v.state])), ...s.deviceStates },
    })),
  setDaemonReachable: (daemonReachable) => set({ daemonReachable }),
  setDeviceState: (device, state) => set((s) => ({ deviceStates: { ...s.deviceStates, [device]: state } })),
  setElderMode: (elderMode) => set({ elderMode }),
});

import { api, get, post } from '../../shared/api/client';

/**
 * The maintenance API. The session rides on an HttpOnly cookie the daemon sets at login, so page scripts
 * never hold the token; every call but login answers 401 once the session has ended.
 */
export interface HealthResult {
  level: HealthLevel;
  ok: boolean;
  text: string;
  at: string;
}
export type HealthLevel = 'internal' | 'external' | 'interactive';

export interface DeviceStatus {
  name: string;
  driver: string;
  simulated: boolean;
  state: string;
  since: string;
  reason?: string;
  transport?: string;
  detail: Record<string, unknown>;
  statistics: Record<string, number>;
  recentErrors: { at: string; code: string; message: string; locus?: string }[];
  lastHealth?: HealthResult;
}

export interface LogLine {
  time?: string;
  level?: string;
  msg?: string;
  text: string;
}

export interface SystemFacts {
  version: string;
  node: string;
  hostname: string;
  kioskId: string;
  hallName: string;
  uptimeSeconds: { daemon: number; system: number };
  disk: { path: string; freeBytes?: number; totalBytes?: number; freeRatio?: number; error?: string };
  store: { description: string; dialect: string; integrity: string; problems: string[] };
  clock: { now: string; hallTimeZone: string; hallLocalTime: string; systemTimeZone: string; plausible: boolean };
}

export interface UiWatch {
  lastHeartbeat: string | null;
  silent: boolean;
}

export const login = (pin: string) => post<{ expiresInSeconds: number }>('/api/maintenance/login', { pin });
export const logout = () => post<void>('/api/maintenance/logout');
export const fetchDevices = () => get<{ devices: DeviceStatus[] }>('/api/maintenance/devices');
export const runHealth = (device: string, level: HealthLevel) =>
  post<{ result: HealthResult; device: DeviceStatus }>(`/api/maintenance/devices/${device}/health`, { level });
export const fetchLog = (limit = 200) => get<{ lines: LogLine[] }>(`/api/maintenance/log?limit=${limit}`);
export const fetchSystem = () => get<{ system: SystemFacts; ui: UiWatch }>('/api/maintenance/system');
export const BUNDLE_URL = '/api/maintenance/bundle';

/** A simulator's scripting route (exists only while that device is simulated). */
export const simCall = (device: string, route: { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown }) =>
  api<unknown>(`/api/sim/${device}${route.path}`, { method: route.method, body: route.body });

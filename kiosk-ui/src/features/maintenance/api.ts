import { api, get, post } from '@/shared/api/client';

/**
 * The maintenance API. The session rides on an HttpOnly cookie the daemon sets at login, so page scripts
 * never hold the token; every call but login answers 401 once the session has ended. Answers are the daemon's
 * own types (type-only imports, erased at build).
 */
import type { DeviceStatus, HealthLevel, HealthResult } from '@daemon/devices/core/device';
import type { SystemFacts } from '@daemon/maintenance/system-facts';
import type { VoiceStatus } from '@daemon/hall/voice';
import type { CatalogEntry } from '@daemon/devices/descriptors';
import type { FaultAction } from '@daemon/devices/core/descriptor';
export type { CatalogEntry, DeviceStatus, FaultAction, HealthLevel, HealthResult, SystemFacts };


export interface LogLine {
  time?: string;
  level?: string;
  msg?: string;
  text: string;
}


export interface UiWatch {
  lastHeartbeat: string | null;
  silent: boolean;
}

export const login = (pin: string) => post<{ expiresInSeconds: number }>('/api/maintenance/login', { pin });
export const logout = () => post<void>('/api/maintenance/logout');
export const fetchDevices = () => get<{ devices: DeviceStatus[] }>('/api/maintenance/devices');
/** Every device the daemon knows: label, self-tests, simulator faults (the daemon's one device list). */
export const fetchCatalog = () => get<{ devices: CatalogEntry[] }>('/api/maintenance/catalog');
export const runHealth = (device: string, level: HealthLevel) =>
  post<{ result: HealthResult; device: DeviceStatus }>(`/api/maintenance/devices/${device}/health`, { level });
export const fetchLog = (limit = 200) => get<{ lines: LogLine[] }>(`/api/maintenance/log?limit=${limit}`);
export const fetchSystem = () => get<{ system: SystemFacts; ui: UiWatch; voice?: VoiceStatus }>('/api/maintenance/system');
export const BUNDLE_URL = '/api/maintenance/bundle';

/** A simulator's scripting route (exists only while that device is simulated). */
export const simCall = (device: string, route: { method: 'GET' | 'POST' | 'DELETE'; path: string; body?: unknown }) =>
  api<unknown>(`/api/sim/${device}${route.path}`, { method: route.method, body: route.body });

import { api, ApiError } from '@/shared/api/client';
import type { Workorder, WorkorderFilter, StepName } from '@daemon/workorders/types';
import type { DeviceFault, LiveHall, Statistics, TicketFigures } from '@daemon/reports/types';
import type { HelpRequest } from '@daemon/help/types';

export type { Workorder, WorkorderFilter, StepName, Statistics, TicketFigures, DeviceFault, LiveHall, HelpRequest };

export interface ManagerSession {
  token: string;
  staff: { id: string; name: string };
}

/** The manager's token lives for this tab only (sessionStorage): the console runs on shared office PCs. */
const KEY = 'kiosk.manage.session';
export function loadSession(): ManagerSession | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ManagerSession | null;
  } catch {
    return null;
  }
}
export const saveSession = (s: ManagerSession | null) => (s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY));

export const signIn = (staffId: string, pin: string) => api<ManagerSession>('/api/manage/session', { method: 'POST', body: { staffId, pin } });

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export const signOut = (token: string) => api('/api/manage/session', { method: 'DELETE', headers: auth(token) });

export const fetchWorkorders = (token: string, filter: WorkorderFilter) =>
  api<{ today: string; workorders: Workorder[] }>(`/api/manage/workorders?filter=${filter}`, { headers: auth(token) });

export const recordStep = (token: string, id: string, step: StepName, body: { text?: string; to?: string }) =>
  api<{ workorder: Workorder }>(`/api/manage/workorders/${encodeURIComponent(id)}/${step}`, { method: 'POST', body, headers: auth(token) });

/** A 401 means the session ended (idle time, restart): the page asks to sign in again. */
export const sessionEnded = (err: unknown) => err instanceof ApiError && err.status === 401;


/** The live hall's own figures: longest wait now per category, devices in fault on every kiosk. */
export const fetchLive = (token: string) => api<LiveHall>('/api/manage/live', { headers: auth(token) });

/** 帮办代办 requests not closed yet; a manager takes and closes them as window staff do. */
export const fetchHelp = (token: string) => api<{ requests: HelpRequest[] }>('/api/help-requests', { headers: auth(token) });
export const helpAction = (token: string, id: string, action: 'take' | 'close') =>
  api<{ request: HelpRequest }>(`/api/help-requests/${id}/${action}`, { method: 'POST', headers: auth(token) });

export const fetchStatistics = (token: string, from: string, to: string) =>
  api<Statistics>(`/api/manage/reports/statistics?from=${from}&to=${to}`, { headers: auth(token) });

/** Downloads a report (the bearer token cannot ride on a plain link): fetched, then saved through a blob URL. */
export async function downloadReport(token: string, from: string, to: string, format: 'csv' | 'xlsx'): Promise<void> {
  const res = await fetch(`/api/manage/reports/export?format=${format}&from=${from}&to=${to}`, { headers: auth(token) });
  if (!res.ok) throw new ApiError('EXPORT_FAILED', '导出失败', res.status);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `大厅报表_${from}_${to}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

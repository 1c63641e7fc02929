import { api, del, get, post } from '@/shared/api/client';

/** The daemon's 材料扫描 API (device-daemon/src/scan/routes.ts); its answers are the daemon's own types (type-only). */
import type { PageView as Page, ScanJobView as ScanJob, SubmissionView as Submission } from '@daemon/scan/types';
export type { Page, ScanJob, Submission };
export interface Material {
  id: string;
  name: string;
  required: boolean;
  note?: string;
}

export interface Matter {
  id: string;
  name: string;
  materials: Material[];
}

export interface Receipt {
  printed: boolean;
  error?: { code: string; message: string };
}

type One = { submission: Submission };
const base = (id: string) => `/api/scan/submissions/${id}`;

export const fetchMatters = (signal?: AbortSignal) => get<{ matters: Matter[]; maxPages: number }>('/api/scan/matters', signal);
export const createSubmission = (matterId: string, identitySessionId?: string, ticketId?: string) =>
  post<One>('/api/scan/submissions', { matterId, ...(identitySessionId ? { identitySessionId } : {}), ...(ticketId ? { ticketId } : {}) });
/** Links a finished submission to the ticket taken after it (the window calling that ticket sees the materials). */
export const linkTicket = (id: string, ticketId: string) => api<void>(`${base(id)}/ticket`, { method: 'PUT', body: { ticketId } });
export const fetchSubmission = (id: string) => get<One>(base(id));
export const startScan = (id: string, materialId: string, replacePageId?: string) =>
  post<{ job: ScanJob }>(`${base(id)}/pages`, { materialId, ...(replacePageId ? { replacePageId } : {}) });
export const cancelScan = (id: string) => del<One>(`${base(id)}/job`);
export const deletePage = (id: string, pageId: string) => del<One>(`${base(id)}/pages/${pageId}`);
export const reorderPages = (id: string, materialId: string, pageIds: string[]) =>
  api<One>(`${base(id)}/materials/${materialId}/order`, { method: 'PUT', body: { pageIds } });
export const finishSubmission = (id: string) => post<One & { receipt: Receipt }>(`${base(id)}/finish`);
export const discardSubmission = (id: string) => del<void>(base(id));

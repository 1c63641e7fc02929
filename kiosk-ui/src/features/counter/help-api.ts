import { api } from '@/shared/api/client';
import type { HelpRequest } from '@daemon/help/types';
import type { WindowSubmission } from '@daemon/scan/window';

export type { HelpRequest, WindowSubmission };

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** 帮办代办 requests not closed yet (any signed-in staff). */
export const fetchHelp = (token: string) => api<{ requests: HelpRequest[] }>('/api/help-requests', { headers: auth(token) });
export const helpAction = (token: string, id: string, action: 'take' | 'close') =>
  api<{ request: HelpRequest }>(`/api/help-requests/${id}/${action}`, { method: 'POST', headers: auth(token) });

/** Scanned submissions of a ticket, or the one with an SM number. */
export const fetchSubmissions = (token: string, by: { ticketId: string } | { number: string }) =>
  api<{ submissions: WindowSubmission[] }>(`/api/scan/window/submissions?${new URLSearchParams(by).toString()}`, { headers: auth(token) });

/** The PDF with the staff token (never a plain link: the daemon logs who opened it), as a blob URL to show. */
export async function openPdf(token: string, id: string): Promise<string> {
  const r = await fetch(`/api/scan/submissions/${id}/pdf`, { headers: auth(token) });
  if (!r.ok) throw new Error(((await r.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? '无法打开 PDF');
  return URL.createObjectURL(await r.blob());
}

import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { events } from '../api/events';
import { onSessionEnd } from '../store';
import type { HelpRequest } from '@daemon/help/types';

/**
 * The person's 帮办 request, across screens: raised by «呼叫帮办», followed through `help.*` events, cancelled
 * when the person goes home (the countdown or «首页»: they left). Kept outside the page so moving between
 * screens keeps it; kept out of the app store because it is not the person's input, only a call in progress.
 * A closed request stays a few seconds, so the kiosk can say «帮办已完成» before offering the button again.
 */
const SHOW_CLOSED_MS = 5000;
let current: HelpRequest | null = null;
let clearing: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
const set = (r: HelpRequest | null) => {
  clearTimeout(clearing);
  current = r;
  if (r?.state === 'closed') clearing = setTimeout(() => set(null), SHOW_CLOSED_MS);
  listeners.forEach((l) => l());
};

events.subscribe((e) => {
  if ((e.type === 'help.taken' || e.type === 'help.closed') && current && e.request.id === current.id) set(e.request);
});
onSessionEnd(() => {
  if (current && current.state !== 'closed') void api(`/api/help-requests/${current.id}/cancel`, { method: 'POST' }).catch(() => undefined);
  set(null);
});

export async function callForHelp(screen: string, elder: boolean): Promise<void> {
  const { request } = await api<{ request: HelpRequest }>('/api/help-requests', { method: 'POST', body: { screen, elder } });
  set(request);
}

/** «不需要了»: the person withdraws the call (outcome `left`); staff see it gone. */
export async function withdrawHelp(): Promise<void> {
  if (!current || current.state === 'closed') return;
  const { request } = await api<{ request: HelpRequest }>(`/api/help-requests/${current.id}/cancel`, { method: 'POST' });
  set(request);
}

export function useHelpRequest(): HelpRequest | null {
  // The third: home is rendered to HTML at build time (app/prerender.tsx), with no request in progress.
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => current, () => null);
}

/** Whether staff are called or on their way: the kiosk holds its countdown and its attract screen meanwhile. */
export function useHelpPending(): boolean {
  const r = useHelpRequest();
  return r !== null && r.state !== 'closed';
}

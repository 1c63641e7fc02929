import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { events } from '../api/events';
import { onSessionEnd } from '../store';
import type { HelpRequest } from '@daemon/help/types';

/**
 * The person's 帮办 request, across screens: raised by «呼叫帮办», followed through `help.*` events, cancelled
 * when the person goes home (the countdown or «首页»: they left). Kept outside the page so moving between
 * screens keeps it; kept out of the app store because it is not the person's input, only a call in progress.
 */
let current: HelpRequest | null = null;
const listeners = new Set<() => void>();
const set = (r: HelpRequest | null) => {
  current = r && r.state === 'closed' ? null : r;
  listeners.forEach((l) => l());
};

events.subscribe((e) => {
  if ((e.type === 'help.taken' || e.type === 'help.closed') && current && e.request.id === current.id) set(e.request);
});
onSessionEnd(() => {
  if (current) void api(`/api/help-requests/${current.id}/cancel`, { method: 'POST' }).catch(() => undefined);
  set(null);
});

export async function callForHelp(screen: string, elder: boolean): Promise<void> {
  const { request } = await api<{ request: HelpRequest }>('/api/help-requests', { method: 'POST', body: { screen, elder } });
  set(request);
}

export function useHelpRequest(): HelpRequest | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => current);
}

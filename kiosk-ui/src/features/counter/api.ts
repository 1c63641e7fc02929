import { api, get } from '@/shared/api/client';

/** The counter API's shapes are the daemon's route schemas (type-only: erased at build). */
import type { CounterTicketView as CounterTicket, CounterViewBody as CounterView } from '@daemon/counters/schemas';
export type { CounterTicket, CounterView };

export interface CategoryCount {
  id: string;
  name: string;
  waiting: number;
}

export type CounterAction = 'call-next' | 'call' | 'recall' | 'start' | 'done' | 'no-show' | 'transfer' | 'hold' | 'resume' | 'pause' | 'open';

/** The staff token of a counter lives in this browser only (typed once at the window). */
const tokenKey = (counter: number) => `kiosk.counter.${counter}.token`;
export const loadToken = (counter: number) => localStorage.getItem(tokenKey(counter)) ?? '';
export const saveToken = (counter: number, token: string) =>
  token ? localStorage.setItem(tokenKey(counter), token) : localStorage.removeItem(tokenKey(counter));

export const fetchCounter = (counter: number) => get<{ counter: CounterView }>(`/api/counters/${counter}`);
/** Whether this counter has a staff token at all; without one it cannot be used (the page says so at once). */
export const fetchTokenStatus = (counter: number) => get<{ configured: boolean }>(`/api/counters/${counter}/token`);
export const fetchCategories = () => get<{ categories: CategoryCount[] }>('/api/queue/categories');

export function counterAction(counter: number, token: string, action: CounterAction, body: Record<string, unknown> = {}) {
  return api<{ counter: CounterView }>(`/api/counters/${counter}/${action}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${token}` },
  });
}

import { api, get } from '@/shared/api/client';

/** AB岗: who is on duty at a window, name and 工号 (public, 公示). */
export interface CounterDuty {
  counter: number;
  onDuty: { id: string; name: string; post: 'A' | 'B' } | null;
  posts: { post: 'A' | 'B'; id: string; name: string; onDuty: boolean }[];
}

export interface Matter {
  code: string;
  name: string;
  department: string | null;
  categoryId: string | null;
}

export const signIn = (counter: number, staffId: string, pin: string, post: 'A' | 'B') =>
  api<{ token: string; staff: { id: string; name: string }; post: 'A' | 'B'; duty: CounterDuty }>(`/api/counters/${counter}/session`, {
    method: 'POST',
    body: { staffId, pin, post },
  });

/** Who this browser's token is; 401 when it is a window token or the session ended. */
export const whoAmI = (counter: number, token: string) =>
  api<{ staff: { id: string; name: string }; post: 'A' | 'B' }>(`/api/counters/${counter}/session`, { headers: { authorization: `Bearer ${token}` } });

export const signOut = (counter: number, token: string) =>
  api<{ duty: CounterDuty }>(`/api/counters/${counter}/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });

export const switchPost = (counter: number, token: string, post: 'A' | 'B') =>
  api<{ duty: CounterDuty }>(`/api/counters/${counter}/duty/switch`, { method: 'POST', body: { post }, headers: { authorization: `Bearer ${token}` } });

export const fetchDuty = (counter: number) => get<{ duty: CounterDuty }>(`/api/counters/${counter}/duty`);
export const fetchMatters = (categoryId: string) => get<{ matters: Matter[] }>(`/api/matters?categoryId=${encodeURIComponent(categoryId)}`);

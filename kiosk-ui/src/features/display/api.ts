import { get } from '@/shared/api/client';

/**
 * One call as the daemon announces it (`queue.called` events and GET /api/counters/calls/recent): the
 * route's schema, type-only. Events may leave out `calledAt`.
 */
import type { CallView } from '@daemon/counters/schemas';
export type Call = Omit<CallView, 'calledAt'> & { calledAt?: string };

export interface WaitingCategory {
  id: string;
  name: string;
  priority: boolean;
  waiting: number;
  crowded: boolean;
}

export interface HallFacts {
  hall: { name: string; timezone: string };
}

export const fetchRecentCalls = (limit: number) => get<{ calls: Call[] }>(`/api/counters/calls/recent?limit=${limit}`);
export const fetchWaiting = () => get<{ categories: WaitingCategory[] }>('/api/queue/categories');
export const fetchHall = () => get<HallFacts>('/api/kiosk');

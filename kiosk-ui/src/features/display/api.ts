import { get } from '../../shared/api/client';

/** One call as the daemon announces it (`queue.called` events and GET /api/counters/calls/recent). */
export interface Call {
  number: string;
  counter: number;
  categoryId: string;
  recall: boolean;
  calledAt?: string;
}

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

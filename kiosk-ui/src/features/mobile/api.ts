import { get } from '@/shared/api/client';

export interface TicketStatus {
  id: string;
  number: string;
  categoryName: string;
  /** docs/INTERFACE.md's closed set; a ticket a counter holds back is `serving` with `held: true`. */
  state: 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';
  held?: boolean;
  waitingAhead: number;
  estimatedWaitMinutes: number | null;
  /** The wait as a range in words («约 10–15 分钟», «即将轮到您»); absent from an older daemon. */
  estimatedWait?: { text: string } | null;
  counter: number | null;
  serviceDate: string;
}

export const fetchTicket = (id: string, signal?: AbortSignal) =>
  get<{ ticket: TicketStatus }>(`/api/queue/tickets/${encodeURIComponent(id)}`, signal);
export const fetchHallName = () => get<{ hall: { name: string } }>('/api/kiosk');

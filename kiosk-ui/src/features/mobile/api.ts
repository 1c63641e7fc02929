import { get } from '../../shared/api/client';

export interface TicketStatus {
  id: string;
  number: string;
  categoryName: string;
  state: 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'held' | 'transferred';
  waitingAhead: number;
  estimatedWaitMinutes: number | null;
  counter: number | null;
  serviceDate: string;
}

export const fetchTicket = (id: string, signal?: AbortSignal) =>
  get<{ ticket: TicketStatus }>(`/api/queue/tickets/${encodeURIComponent(id)}`, signal);
export const fetchHallName = () => get<{ hall: { name: string } }>('/api/kiosk');

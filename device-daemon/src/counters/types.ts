import type { TicketState } from '../queue/types';

export type CounterState = 'open' | 'paused';

/** A ticket as a counter page sees it: the number and where it stands, nothing about the person. */
export interface CounterTicket {
  id: string;
  number: string;
  categoryId: string;
  categoryName: string;
  state: TicketState;
  priority: boolean;
  recalls: number;
  calledAt: string | null;
}

export interface CounterView {
  counter: number;
  state: CounterState;
  /** Categories this counter serves (each category's `windows` lists it). */
  categories: string[];
  current: CounterTicket | null;
  /** Tickets this counter put on hold (挂起) today, to resume later. */
  held: CounterTicket[];
}

/** One announcement: what the hall display shows and says. */
export interface CallRecord {
  number: string;
  counter: number;
  categoryId: string;
  recall: boolean;
  calledAt: string;
}

export interface CounterRow {
  counter: number;
  state: CounterState;
  ticket_id: string | null;
  normal_streak: number;
  updated_at: string;
}

import type { Static } from 'typebox';
import type { callSchema, counterViewSchema } from './schemas';

export type CounterState = 'open' | 'paused';

/** What a counter page sees (a ticket: the number and where it stands, nothing about the person), and one call. */
export type CounterTicket = Static<typeof counterViewSchema>['held'][number];
export type CounterView = Static<typeof counterViewSchema>;
export type CallRecord = Static<typeof callSchema>;

export interface CounterRow {
  counter: number;
  state: CounterState;
  ticket_id: string | null;
  normal_streak: number;
  updated_at: string;
}

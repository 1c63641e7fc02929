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

/** A 办件 record: which window finished which ticket, with the 事项 and the 办件编号 where known. */
export interface ServiceCase {
  ticketId: string;
  ticketNumber: string;
  counter: number;
  staffId: string | null;
  matterCode: string | null;
  caseNumber: string | null;
  /** `counter` (the counter page) or `integration:<system id>` (the window's business system). */
  source: string;
  finishedAt: string;
}

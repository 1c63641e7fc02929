import type { Static } from 'typebox';
import type { categorySchema, delivery, publicTicketState, ticketSchema, waitEstimateSchema } from './schemas';

export type TicketState = 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'held' | 'transferred';
/** The states the public ticket API may show (a closed set) and a ticket as the API shows it: see schemas.ts. */
export type PublicTicketState = Static<typeof publicTicketState>;
export type Delivery = Static<typeof delivery>;
export type Ticket = Static<typeof ticketSchema>;
/** A wait as the API shows it: a range in minutes, its words, its basis. */
export type WaitEstimate = Static<typeof waitEstimateSchema>;
import type { WaitRange } from './wait-words';
export type { WaitRange };

/**
 * What the queue asks of a wait model (the estimate feature gives one through `app.queue.useEstimator`): a
 * new ticket's wait in a category now, and a waiting ticket's. Null where the model has no history for the
 * category: the queue then falls back to the recent mean × people ahead.
 */
export interface WaitEstimator {
  forCategory(categoryId: string): Promise<WaitRange | null>;
  forTicket(ticket: Pick<TicketRow, 'id' | 'category_id' | 'priority' | 'issued_at' | 'number' | 'service_date'>): Promise<WaitRange | null>;
}

export interface TicketRow {
  id: string;
  number: string;
  category_id: string;
  service_date: string;
  seq: number;
  state: TicketState;
  priority: number;
  delivery: Delivery;
  printed: number;
  person_hash: string | null;
  kiosk_id: string | null;
  counter: number | null;
  recalls: number;
  issued_at: string;
  called_at: string | null;
  serving_at: string | null;
  done_at: string | null;
  /** Set for a ticket issued by 预约签到. */
  appointment_id: string | null;
}

/** A category as the API shows it, with its waiting count and estimate. */
export type CategoryView = Static<typeof categorySchema>;

/** Issuing a ticket (issuing.ts), as other features ask for one through `app.tickets`. */
export type { IssuedTicket, TicketRequest, TicketSource } from './issuing';

import type { Static } from 'typebox';
import type { categorySchema, delivery, publicTicketState, ticketSchema } from './schemas';

export type TicketState = 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'held' | 'transferred';
/** The states the public ticket API may show (a closed set) and a ticket as the API shows it: see schemas.ts. */
export type PublicTicketState = Static<typeof publicTicketState>;
export type Delivery = Static<typeof delivery>;
export type Ticket = Static<typeof ticketSchema>;

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

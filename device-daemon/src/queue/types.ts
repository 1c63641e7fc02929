export type TicketState = 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled' | 'held' | 'transferred';
/** The states the public ticket API may show (docs/INTERFACE.md `GET /api/queue/tickets/:id`): a closed set. */
export type PublicTicketState = 'issued' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';
export type Delivery = 'print' | 'screen';

/** A ticket as the API shows it. Carries no personal data: `realName` says only that a card was read. */
export interface Ticket {
  id: string;
  number: string;
  categoryId: string;
  categoryName: string;
  serviceDate: string;
  /** A ticket a counter holds back (挂起) shows `serving` with `held: true`: its service has begun, not ended. */
  state: PublicTicketState;
  held?: boolean;
  priority: boolean;
  delivery: Delivery;
  printed: boolean;
  realName: boolean;
  waitingAhead: number;
  /** Minutes, once service times are known today; null before. */
  estimatedWaitMinutes: number | null;
  counter: number | null;
  issuedAt: string;
  calledAt: string | null;
  servingAt: string | null;
  doneAt: string | null;
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
}

export interface CategoryView {
  id: string;
  name: string;
  description?: string;
  priority: boolean;
  realName: 'required' | 'optional' | 'off';
  waiting: number;
  crowded: boolean;
  open: boolean;
  hours: { from: string; to: string }[];
  remainingToday: number;
  estimatedWaitMinutes: number | null;
}

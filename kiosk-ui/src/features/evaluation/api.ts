import { del, get, post } from '../../shared/api/client';

export type Channel = 'kiosk' | 'keypad' | 'qr';

/** What the rating screens need of a ticket. */
export interface TicketRef {
  id: string;
  number: string;
  categoryName: string;
  state: string;
}

export interface Evaluation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  level: number;
  levelName: string;
  channel: string;
  reasons: string[];
  /** The rater identified with an ID card: a 差评 of theirs may get a phone number for the reply. */
  realName: boolean;
  /** False for a 差评 pressed on a window keypad with no screen: its reasons can still be added. */
  reasonsGiven?: boolean;
  followUp: { id: string; dueDate: string } | null;
}

export interface Invitation {
  id: string;
  ticketId: string;
  keypad: 'invited' | 'not-fitted' | 'offline';
  expiresAt: string | null;
}

export const findTicketByNumber = (number: string) =>
  get<{ ticket: TicketRef }>(`/api/queue/tickets/by-number/${encodeURIComponent(number)}`);
export const fetchTicket = (id: string, signal?: AbortSignal) =>
  get<{ ticket: TicketRef & { waitingAhead: number; counter: number | null } }>(`/api/queue/tickets/${encodeURIComponent(id)}`, signal);
export const ratingOfTicket = (ticketId: string) =>
  get<{ evaluation: Evaluation | null }>(`/api/evaluations/by-ticket/${encodeURIComponent(ticketId)}`);
export const fetchReasons = () => get<{ reasons: string[] }>('/api/evaluations/reasons');
export const fetchCategoryLetters = () => get<{ categories: { id: string }[] }>('/api/queue/categories');
export interface PersonTicket extends TicketRef {
  rated: boolean;
}
export const ticketsOfCard = (sessionId: string) =>
  get<{ tickets: PersonTicket[] }>(`/api/evaluations/identity/${encodeURIComponent(sessionId)}/tickets`);
export const submitRating = (body: { ticketId: string; level: number; reasons?: string[]; comment?: string; channel: Channel; identitySessionId?: string }) =>
  post<{ evaluation: Evaluation }>('/api/evaluations', body);
export const inviteKeypad = (ticketId: string) => post<{ invitation: Invitation }>('/api/evaluations/invitations', { ticketId });
export const cancelInvitation = (id: string) => del<void>(`/api/evaluations/invitations/${encodeURIComponent(id)}`);
export const addReasons = (evaluationId: string, reasons: string[]) =>
  post<{ evaluation: Evaluation }>(`/api/evaluations/${encodeURIComponent(evaluationId)}/reasons`, { reasons });

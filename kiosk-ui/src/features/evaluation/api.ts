import { del, get, post } from '@/shared/api/client';

/** The rating API's shapes are the daemon's route schemas (type-only: erased at build). */
import type { EvaluationView as Evaluation, InvitationView as Invitation, PersonTicket, RateBody } from '@daemon/evaluation/schemas';
export type { Evaluation, Invitation, PersonTicket };
export type Channel = RateBody['channel'];

/** What the rating screens need of a ticket. */
export interface TicketRef {
  id: string;
  number: string;
  categoryName: string;
  state: string;
}

export const findTicketByNumber = (number: string) =>
  get<{ ticket: TicketRef }>(`/api/queue/tickets/by-number/${encodeURIComponent(number)}`);
export const fetchTicket = (id: string, signal?: AbortSignal) =>
  get<{ ticket: TicketRef & { waitingAhead: number; counter: number | null } }>(`/api/queue/tickets/${encodeURIComponent(id)}`, signal);
export const ratingOfTicket = (ticketId: string) =>
  get<{ evaluation: Evaluation | null }>(`/api/evaluations/by-ticket/${encodeURIComponent(ticketId)}`);
export const fetchReasons = () => get<{ reasons: string[] }>('/api/evaluations/reasons');
export const fetchCategoryLetters = () => get<{ categories: { id: string }[] }>('/api/queue/categories');
export const ticketsOfCard = (sessionId: string) =>
  get<{ tickets: PersonTicket[] }>(`/api/evaluations/identity/${encodeURIComponent(sessionId)}/tickets`);
export const submitRating = (body: RateBody) =>
  post<{ evaluation: Evaluation }>('/api/evaluations', body);
export const inviteKeypad = (ticketId: string) => post<{ invitation: Invitation }>('/api/evaluations/invitations', { ticketId });
export const cancelInvitation = (id: string) => del<void>(`/api/evaluations/invitations/${encodeURIComponent(id)}`);
export const addReasons = (evaluationId: string, reasons: string[]) =>
  post<{ evaluation: Evaluation }>(`/api/evaluations/${encodeURIComponent(evaluationId)}/reasons`, { reasons });

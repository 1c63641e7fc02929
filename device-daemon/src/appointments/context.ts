import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import { localTime, serviceDate } from '../core/hall-time';
import type { IssuedTicket, Ticket, TicketRequest } from '../queue/types';
import type { PrintDocument, PrintOutcome } from '../devices/printer';
import type { AppointmentsConfig } from './config';
import type { BookingFacts } from './messages';
import type { AppointmentRow, AppointmentView } from './types';

/**
 * What the appointment services need from the rest of the daemon, as narrow functions the plugin wires to
 * `app.queue`, `app.identity` and `app.tickets` (features never import each other's code).
 */
export interface AppointmentContext {
  db: Db;
  config: AppointmentsConfig;
  clock: Clock;
  timeZone: string;
  hallName: string;
  publicBaseUrl: string;
  categoryName(id: string): string;
  /** The keyed person hash of a typed ID number (identity's secret). */
  hashIdNumber(idNumber: string): string;
  /** The person whose card was read at this kiosk: hash and masked fields only. */
  cardSession(sessionId: string): { personHash: string; nameMasked: string; idNumberMasked: string };
  sealPhone(phone: string): string;
  issueTicket(req: TicketRequest): Promise<IssuedTicket>;
  ticket(id: string): Promise<Ticket>;
  /** Prints on the ticket printer; never throws (a booking stands whether or not paper came out). */
  print(doc: PrintDocument): Promise<PrintOutcome>;
  /** A message was written to the outbox: the sender looks now. */
  notified(): void;
  /** A checked-in appointment has its ticket: the «还有 N 位» sweep looks at it now. */
  checkedIn(): void;
}

export const today = (ctx: AppointmentContext) => serviceDate(ctx.clock.now(), ctx.timeZone);
export const nowHhmm = (ctx: AppointmentContext) => localTime(ctx.clock.now(), ctx.timeZone);
export const nowIso = (ctx: AppointmentContext) => ctx.clock.now().toISOString();

/** Booking codes: 8 characters without the look-alikes 0/O, 1/I/L, easy to read out and to type. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function newCode(): string {
  return Array.from(randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export const qrTextOf = (ctx: AppointmentContext, code: string) => `${ctx.publicBaseUrl.replace(/\/$/, '')}/m/a/${code}`;

export const factsOf = (ctx: AppointmentContext, r: AppointmentRow): BookingFacts => ({
  code: r.code,
  date: r.service_date,
  start: r.start_time,
  end: r.end_time,
  categoryName: ctx.categoryName(r.category_id),
});

export function viewOf(ctx: AppointmentContext, r: AppointmentRow): AppointmentView {
  return {
    id: r.id,
    code: r.code,
    categoryId: r.category_id,
    categoryName: ctx.categoryName(r.category_id),
    date: r.service_date,
    start: r.start_time,
    end: r.end_time,
    state: r.state,
    source: r.source,
    nameMasked: r.name_masked,
    idNumberMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    ticketNumber: r.ticket_number,
    qrText: qrTextOf(ctx, r.code),
  };
}

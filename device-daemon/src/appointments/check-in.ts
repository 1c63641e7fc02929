import { conflict, DomainError, notFound } from '../core/errors';
import type { Delivery, IssuedTicket } from '../queue/types';
import { checkInWindow } from './calendar';
import { nowHhmm, nowIso, today, viewOf, type AppointmentContext } from './context';
import * as sql from './store';
import type { AppointmentRow, AppointmentView } from './types';

export type CheckInBy = { code: string } | { identitySessionId: string };

/**
 * 预约签到 at the kiosk: by booking code (typed or scanned) or by the ID card on the reader (today's booking of
 * that person). Inside the window the booking is claimed (booked -> checked-in, one conditional UPDATE, so two
 * kiosks never issue two tickets for it) and the ticket issued through `app.tickets` with source 'check-in';
 * a failed issue gives the claim back. Too early says when to come back; too late offers an ordinary ticket.
 */
export class CheckIn {
  constructor(private readonly ctx: AppointmentContext) {}

  async checkIn(by: CheckInBy, delivery: Delivery): Promise<IssuedTicket & { appointment: AppointmentView }> {
    const row = 'code' in by ? await this.byCode(by.code) : await this.byCard(by.identitySessionId);
    const window = checkInWindow(row.start_time, nowHhmm(this.ctx), this.ctx.config.checkInEarlyMinutes, this.ctx.config.checkInLateMinutes);
    if (!window.ok && window.why === 'early') {
      throw conflict('CHECK_IN_TOO_EARLY', `您预约的是${row.start_time}-${row.end_time}，请于${window.opensAt}后再来签到`, { opensAt: window.opensAt, date: row.service_date });
    }
    if (!window.ok) throw this.tooLate(row, window.closedAt);
    if (!(await sql.setState(this.ctx.db, row.id, 'booked', 'checked-in', nowIso(this.ctx)))) {
      // Another kiosk claimed it (or it was cancelled) since it was read: answer by the row as it is now.
      const current = await sql.byCode(this.ctx.db, row.code);
      throw this.alreadyUsed(current && current.state !== 'booked' ? current : { ...row, state: 'checked-in' });
    }
    let issued: IssuedTicket;
    try {
      issued = await this.ctx.issueTicket({
        categoryId: row.category_id,
        delivery,
        source: 'check-in',
        appointmentId: row.id,
        ...('identitySessionId' in by ? { identitySessionId: by.identitySessionId } : {}),
        ...(row.person_hash ? { appointmentPersonHash: row.person_hash } : {}),
      });
    } catch (err) {
      await sql.setState(this.ctx.db, row.id, 'checked-in', 'booked', nowIso(this.ctx));
      throw err;
    }
    await sql.setTicket(this.ctx.db, row.id, issued.ticket.id, issued.ticket.number, nowIso(this.ctx));
    this.ctx.checkedIn();
    const appointment = viewOf(this.ctx, { ...row, state: 'checked-in', ticket_id: issued.ticket.id, ticket_number: issued.ticket.number });
    return { ...issued, appointment };
  }

  private async byCode(code: string): Promise<AppointmentRow> {
    const row = await sql.byCode(this.ctx.db, code.toUpperCase());
    if (!row) throw notFound('APPOINTMENT_NOT_FOUND', '没有找到这个预约码，请核对后重新输入');
    if (row.state !== 'booked') throw this.alreadyUsed(row);
    const day = today(this.ctx);
    if (row.service_date > day) {
      throw conflict('CHECK_IN_TOO_EARLY', `您预约的是${row.service_date} ${row.start_time}，请当天再来签到`, { date: row.service_date, opensAt: null });
    }
    if (row.service_date < day) throw this.tooLate(row, null);
    return row;
  }

  /** Today's first booking of the person on the reader whose window is open, else their first of today. */
  private async byCard(sessionId: string): Promise<AppointmentRow> {
    const person = this.ctx.cardSession(sessionId);
    const rows = await sql.bookedOn(this.ctx.db, person.personHash, today(this.ctx));
    if (rows.length === 0) throw notFound('APPOINTMENT_NOT_FOUND', '没有找到您今天的预约，可直接取号');
    const now = nowHhmm(this.ctx);
    const { checkInEarlyMinutes: early, checkInLateMinutes: late } = this.ctx.config;
    return rows.find((r) => checkInWindow(r.start_time, now, early, late).ok) ?? rows.find((r) => !checkInWindow(r.start_time, now, early, late).ok && r.start_time > now) ?? rows[0]!;
  }

  private tooLate(row: AppointmentRow, closedAt: string | null): DomainError {
    return conflict('CHECK_IN_TOO_LATE', `已超过签到时间${closedAt ? `（${closedAt}）` : ''}，预约已失效，可取普通号办理`, { categoryId: row.category_id, closedAt });
  }

  private alreadyUsed(row: AppointmentRow): DomainError {
    if (row.state === 'checked-in') return conflict('ALREADY_CHECKED_IN', `该预约已签到，您的号码是${row.ticket_number ?? ''}`, { ticketNumber: row.ticket_number });
    if (row.state === 'cancelled') return conflict('APPOINTMENT_CANCELLED', '该预约已取消，可直接取号');
    return this.tooLate(row, null);
  }
}

import { randomUUID } from 'node:crypto';
import { conflict, DomainError, notFound } from '../core/errors';
import { addDays, daysBetween, findSlot, slotsOn, type DaySlot } from './calendar';
import { factsOf, newCode, nowHhmm, nowIso, today, viewOf, type AppointmentContext } from './context';
import { smsText } from './messages';
import { checkPerson, checkPhone, maskIdNumber, maskName, maskPhone, type PersonInput } from './validate';
import * as sql from './store';
import * as outbox from './outbox-store';
import { bookingSlip } from './slip';
import type { Delivery } from '../queue/types';
import type { AppointmentRow, AppointmentSource, AppointmentView, KioskBooking, SlotView } from './types';

/**
 * How a person proves a booking is theirs: the ID number it was made with (phone page), or the card on the
 * kiosk's reader (its session; the number never leaves the daemon).
 */
export type Proof = { idNumber: string } | { identitySessionId: string };

/** Who books: the keyed hash and masked fields only ever reach the store. */
export interface Booker {
  personHash: string;
  idNumberMasked: string;
  nameMasked: string;
  phone: string;
}

const slotNotBookable = () => notFound('SLOT_NOT_FOUND', '该时段不可预约，请重新选择');

/**
 * Booking (预约): the calendar's slots with their places taken, booking with the per-person limits, cancel and
 * change. A place is taken by one conditional UPDATE in the booking's transaction (store.ts `takePlace`), and
 * the confirmation SMS is written to the outbox in the same transaction.
 */
export class AppointmentService {
  constructor(private readonly ctx: AppointmentContext) {}

  /** The days one may book from today, and the categories that take bookings. */
  bookableDates(): string[] {
    const first = today(this.ctx);
    return Array.from({ length: this.ctx.config.bookAheadDays + 1 }, (_v, i) => addDays(first, i)).filter((d) =>
      this.ctx.config.categories.some((c) => slotsOn(this.ctx.config, c.categoryId, d).length > 0),
    );
  }

  async slots(categoryId: string, date: string): Promise<SlotView[]> {
    if (!this.ctx.config.categories.some((c) => c.categoryId === categoryId)) throw notFound('CATEGORY_NOT_FOUND', `业务类别 ${categoryId} 不接受预约`);
    const offered = this.bookable(date) ? slotsOn(this.ctx.config, categoryId, date).filter((s) => this.stillAhead(s)) : [];
    const taken = await sql.bookedBySlot(this.ctx.db, offered.map((s) => s.id));
    return offered.map((s) => ({ id: s.id, start: s.from, end: s.to, capacity: taken.get(s.id)?.capacity ?? s.capacity, booked: taken.get(s.id)?.booked ?? 0 }));
  }

  /** A booking by typed ID number and name (phone page, integration API). */
  bookTyped(slotId: string, input: PersonInput, source: AppointmentSource, externalId?: string): Promise<{ appointment: AppointmentView; created: boolean }> {
    const p = checkPerson(input);
    const booker = { personHash: this.ctx.hashIdNumber(p.idNumber), idNumberMasked: maskIdNumber(p.idNumber), nameMasked: maskName(p.name), phone: p.phone };
    return this.book(slotId, booker, source, externalId);
  }

  /**
   * A booking at the kiosk by the card on the reader: name and ID number from the card (hash and masked only),
   * the phone typed. With `print` its 预约凭条 (code and QR) comes out of the ticket printer after the commit; a
   * printer that is missing or fails leaves the booking made and says so (`printError`): the screen shows both.
   */
  async bookByCard(slotId: string, identitySessionId: string, phone: string, delivery: Delivery = 'print'): Promise<KioskBooking> {
    const person = this.ctx.cardSession(identitySessionId);
    const { appointment } = await this.book(slotId, { ...person, phone: checkPhone(phone) }, 'kiosk');
    if (delivery === 'screen') return { appointment, printed: false };
    const outcome = await this.ctx.print(bookingSlip({ ...appointment, hallName: this.ctx.hallName, checkInEarlyMinutes: this.ctx.config.checkInEarlyMinutes }));
    if (outcome.printed) return { appointment, printed: true };
    const message = outcome.error.reason === 'NOT_FITTED' ? '本机未配置打印机，请记下预约码' : '预约凭条打印失败，请记下预约码或拍下二维码';
    return { appointment, printed: false, printError: { ...outcome.error, message } };
  }

  async book(slotId: string, who: Booker, source: AppointmentSource, externalId?: string): Promise<{ appointment: AppointmentView; created: boolean }> {
    const slot = findSlot(this.ctx.config, slotId);
    if (!slot || !this.bookable(slot.date) || !this.stillAhead(slot)) throw slotNotBookable();
    const now = nowIso(this.ctx);
    const result = await this.ctx.db.tx(async (q) => {
      if (externalId) {
        const known = await sql.byExternalId(q, externalId);
        if (known) return { row: known, created: false };
      }
      await sql.lockPerson(q, who.personHash, now);
      await this.checkLimits(q, who.personHash);
      await sql.ensureSlot(q, slot);
      if (!(await sql.takePlace(q, slot.id))) throw conflict('SLOT_FULL', `${slot.date} ${slot.from}-${slot.to} 已约满，请选择其他时段`);
      const row: AppointmentRow = {
        id: randomUUID(), code: newCode(), slot_id: slot.id, category_id: slot.categoryId, service_date: slot.date, start_time: slot.from,
        end_time: slot.to, state: 'booked', source, external_id: externalId ?? null, person_hash: who.personHash, id_masked: who.idNumberMasked,
        name_masked: who.nameMasked, phone_sealed: this.ctx.sealPhone(who.phone), phone_masked: maskPhone(who.phone), ticket_id: null,
        ticket_number: null, created_at: now, updated_at: now, erased_at: null,
      };
      await sql.insertAppointment(q, row);
      await outbox.enqueue(q, row.id, 'confirmed', row.phone_sealed!, smsText.confirmed(factsOf(this.ctx, row), this.ctx.config.checkInEarlyMinutes), now);
      return { row, created: true };
    }).catch(async (err: unknown) => {
      // Two deliveries of one external booking at once: the loser finds the winner's row.
      const again = externalId && !(err instanceof DomainError) ? await sql.byExternalId(this.ctx.db, externalId) : undefined;
      if (again) return { row: again, created: false };
      throw err;
    });
    if (result.created) this.ctx.notified();
    return { appointment: viewOf(this.ctx, result.row), created: result.created };
  }

  async get(code: string): Promise<AppointmentView> {
    return viewOf(this.ctx, await this.find(code));
  }

  /** The bookings still ahead of the person whose card is on the reader, soonest first (我的预约 at the kiosk). */
  async openByCard(identitySessionId: string): Promise<AppointmentView[]> {
    const { personHash } = this.ctx.cardSession(identitySessionId);
    return (await sql.openOf(this.ctx.db, personHash, today(this.ctx))).map((r) => viewOf(this.ctx, r));
  }

  /** Cancels a booking; the person proves it is theirs with the ID number it was made with, or the card. */
  async cancel(code: string, proof: Proof): Promise<AppointmentView> {
    const row = await this.owned(code, proof);
    const now = nowIso(this.ctx);
    await this.ctx.db.tx(async (q) => {
      if (!(await sql.setState(q, row.id, 'booked', 'cancelled', now))) throw conflict('APPOINTMENT_NOT_CANCELLABLE', '该预约已签到、已取消或已过期，不能取消');
      await sql.givePlaceBack(q, row.slot_id);
      if (row.phone_sealed) await outbox.enqueue(q, row.id, 'cancelled', row.phone_sealed, smsText.cancelled(factsOf(this.ctx, row)), now);
    });
    this.ctx.notified();
    return this.get(code);
  }

  /** Moves a booking to another slot: the new place is taken before the old one is given back. */
  async change(code: string, proof: Proof, slotId: string): Promise<AppointmentView> {
    const row = await this.owned(code, proof);
    const slot = findSlot(this.ctx.config, slotId);
    if (!slot || slot.categoryId !== row.category_id || !this.bookable(slot.date) || !this.stillAhead(slot)) throw slotNotBookable();
    const now = nowIso(this.ctx);
    await this.ctx.db.tx(async (q) => {
      if (row.state !== 'booked') throw conflict('APPOINTMENT_NOT_CANCELLABLE', '该预约已签到、已取消或已过期，不能改期');
      if (slot.id === row.slot_id) return;
      await sql.ensureSlot(q, slot);
      if (!(await sql.takePlace(q, slot.id))) throw conflict('SLOT_FULL', `${slot.date} ${slot.from}-${slot.to} 已约满，请选择其他时段`);
      await sql.givePlaceBack(q, row.slot_id);
      await q.execute('UPDATE appointments SET slot_id = $2, service_date = $3, start_time = $4, end_time = $5, updated_at = $6 WHERE id = $1',
        [row.id, slot.id, slot.date, slot.from, slot.to, now]);
    });
    return this.get(code);
  }

  private async find(code: string): Promise<AppointmentRow> {
    const row = await sql.byCode(this.ctx.db, code.toUpperCase());
    if (!row) throw notFound('APPOINTMENT_NOT_FOUND', '没有找到这个预约码');
    return row;
  }

  private async owned(code: string, proof: Proof): Promise<AppointmentRow> {
    const byCard = 'identitySessionId' in proof;
    // The card session is resolved first: a lapsed one answers as such, whatever the code.
    const personHash = byCard ? this.ctx.cardSession(proof.identitySessionId).personHash : this.ctx.hashIdNumber(proof.idNumber.trim().toUpperCase());
    const row = await this.find(code);
    if (!row.person_hash || row.person_hash !== personHash) {
      throw notFound('APPOINTMENT_NOT_FOUND', byCard ? '这个预约不是用这张身份证办理的' : '预约码与身份证号码不符');
    }
    return row;
  }

  private async checkLimits(q: Parameters<typeof sql.countOpen>[0], personHash: string): Promise<void> {
    const { perPersonLimit, noShowLimit, noShowDays } = this.ctx.config;
    const day = today(this.ctx);
    if ((await sql.countOpen(q, personHash, day)) >= perPersonLimit) {
      throw conflict('PERSON_LIMIT_REACHED', `每人最多同时持有${perPersonLimit}个预约，请先办理或取消已有预约`, { limit: perPersonLimit });
    }
    if (noShowLimit > 0 && (await sql.countNoShows(q, personHash, addDays(day, -noShowDays))) >= noShowLimit) {
      throw conflict('NO_SHOW_LIMIT', `近${noShowDays}天内爽约${noShowLimit}次及以上，暂不能网上预约，请现场取号`, { limit: noShowLimit });
    }
  }

  private bookable(date: string): boolean {
    const ahead = daysBetween(today(this.ctx), date);
    return ahead >= 0 && ahead <= this.ctx.config.bookAheadDays;
  }

  /** Today's slots can be booked until they start. */
  private stillAhead(s: DaySlot): boolean {
    return s.date !== today(this.ctx) || s.from > nowHhmm(this.ctx);
  }
}

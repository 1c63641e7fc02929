import type { FastifyBaseLogger } from 'fastify';
import { addDays, hhmmOf, minutesOf } from './calendar';
import { factsOf, nowHhmm, nowIso, today, type AppointmentContext } from './context';
import { smsText } from './messages';
import * as sql from './store';
import * as outbox from './outbox-store';

/**
 * What happens with time and the queue, idempotent so any daemon of a hall may run it any number of times:
 * no-shows recorded once the check-in window closed, personal data erased after the retention, the
 * day-before reminders, and «还有 N 位轮到您» / 过号 for checked-in people as their ticket moves.
 */
export class AppointmentSweeps {
  private progressRunning: Promise<void> | undefined;
  private progressAgain = false;

  constructor(
    private readonly ctx: AppointmentContext,
    private readonly log: FastifyBaseLogger,
  ) {}

  async everyMinute(): Promise<void> {
    const { db, config } = this.ctx;
    const day = today(this.ctx);
    const now = nowIso(this.ctx);
    const noShows = await sql.markNoShows(db, day, hhmmOf(minutesOf(nowHhmm(this.ctx)) - config.checkInLateMinutes), now);
    await sql.releaseStuckCheckIns(db, new Date(this.ctx.clock.now().getTime() - 60_000).toISOString(), now);
    const erased = await sql.erasePersonalData(db, addDays(day, -config.retentionDays), now);
    let reminded = 0;
    if (nowHhmm(this.ctx) >= config.notify.reminderAt) {
      for (const row of await sql.bookedOnDay(db, addDays(day, 1))) {
        if (await outbox.enqueue(db, row.id, 'reminder', row.phone_sealed!, smsText.reminder(factsOf(this.ctx, row)), now)) reminded += 1;
      }
    }
    if (noShows || erased || reminded) this.log.info({ noShows, erased, reminded }, 'appointments sweep');
    if (reminded) this.ctx.notified();
  }

  /** The queue moved: look at checked-in tickets (coalesced: one pass at a time, one more if asked meanwhile). */
  queueMoved(): Promise<void> {
    if (this.progressRunning) {
      this.progressAgain = true;
      return this.progressRunning;
    }
    this.progressRunning = this.progress()
      .catch((err: Error) => this.log.warn({ err: err.message }, 'appointments: queue progress failed'))
      .finally(() => {
        this.progressRunning = undefined;
        if (this.progressAgain) {
          this.progressAgain = false;
          void this.queueMoved();
        }
      });
    return this.progressRunning;
  }

  private async progress(): Promise<void> {
    const near = this.ctx.config.notify.nearTurnAhead;
    let wrote = false;
    for (const row of await sql.checkedInWithPhone(this.ctx.db, today(this.ctx))) {
      const ticket = await this.ctx.ticket(row.ticket_id!);
      const now = nowIso(this.ctx);
      if (ticket.state === 'no-show') wrote = (await outbox.enqueue(this.ctx.db, row.id, 'missed', row.phone_sealed!, smsText.missed(ticket.number), now)) || wrote;
      else if (near > 0 && ticket.state === 'issued' && ticket.waitingAhead <= near) {
        wrote = (await outbox.enqueue(this.ctx.db, row.id, 'near', row.phone_sealed!, smsText.near(ticket.number, ticket.waitingAhead), now)) || wrote;
      }
    }
    if (wrote) this.ctx.notified();
  }
}

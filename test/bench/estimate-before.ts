import type { Db } from '../../device-daemon/src/store/db';
import type { TicketRow, WaitEstimator, WaitRange } from '../../device-daemon/src/queue/types';
import { serviceDate } from '../../device-daemon/src/core/hall-time';
import { categoryOfLane, hallRules, laneOf, queueAhead, readHall, readServed } from '../../device-daemon/src/estimate/hall-now';
import { historyFrom } from '../../device-daemon/src/estimate/history';
import { seededRandom, type HallHistory } from '../../device-daemon/src/estimate/simulate';
import { DEFAULT_BOUNDS, estimateSliced } from '../../device-daemon/src/estimate/sliced';
import type { KioskConfig } from '../../device-daemon/src/config/schema';

/**
 * The wait model as it answered a new ticket before the lane's runs were shared (estimate/service.ts until
 * 2 December 2026), for the bench to run beside it: every ticket's own simulation of the queue ahead of it, the
 * hall read again for it (every `queue.*` event cleared the cache, and a new ticket is one), sliced and bounded
 * as the daemon's. Categories are not answered (the bench asks only for tickets).
 */
export class EstimatePerTicket implements WaitEstimator {
  private history?: Promise<{ model: HallHistory; served: Map<string, number> }>;
  private work: Promise<unknown> = Promise.resolve();
  simulations = 0;

  constructor(private readonly db: Db, private readonly queue: KioskConfig['queue'], private readonly timeZone: string) {}

  forCategory(): Promise<WaitRange | null> {
    return Promise.resolve(null);
  }

  forTicket(t: Pick<TicketRow, 'id' | 'category_id' | 'priority' | 'issued_at' | 'number' | 'service_date'>): Promise<WaitRange | null> {
    const next = this.work.then(async () => {
      const { model, served } = await this.loadHistory();
      if ((served.get(t.category_id) ?? 0) < 5) return null;
      const hall = await readHall(this.db, serviceDate(new Date(), this.timeZone), Date.now());
      const lane = laneOf(t.category_id, t.priority);
      const rules = hallRules(this.queue, hall.paused);
      const now = queueAhead(hall, { id: t.id, lane, issuedAt: t.issued_at, number: t.number }, rules.priority);
      this.simulations += 1;
      const e = await estimateSliced(rules, now, model, lane, seededRandom(this.simulations), DEFAULT_BOUNDS);
      return e && { lowMinutes: e.lowMinutes, medianMinutes: e.medianMinutes, highMinutes: e.highMinutes };
    });
    this.work = next.catch(() => undefined);
    return next;
  }

  private loadHistory() {
    const date = serviceDate(new Date(), this.timeZone);
    const from = serviceDate(new Date(Date.now() - 27 * 86_400_000), this.timeZone);
    this.history ??= readServed(this.db, from, date, this.timeZone).then(({ records, days }) => ({
      model: historyFrom(records, days, () => 10, categoryOfLane),
      served: new Map(this.queue.categories.map((c) => [c.id, records.filter((r) => r.category === c.id).length])),
    }));
    return this.history;
  }
}

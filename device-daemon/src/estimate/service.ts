import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { KioskConfig } from '../config/schema';
import { localTime, serviceDate } from '../core/hall-time';
import type { TicketRow, WaitEstimator, WaitRange } from '../queue/types';
import { historyFrom, type ServedRecord } from './history';
import { categoryOfLane, hallRules, laneOf, queueAhead, readHall, readServed, type HallSnapshot } from './hall-now';
import { seededRandom, type HallHistory } from './simulate';
import { DEFAULT_BOUNDS, estimateSliced, type CpuBounds } from './sliced';

export interface EstimateOptions extends CpuBounds {
  /** Days of served tickets the model draws from, today included. */
  historyDays: number;
  /** A category needs this many served tickets in that history, or the queue uses its naive estimate. */
  minServed: number;
  /** An estimate is kept until the queue changes, or this long (busy windows' service goes on meanwhile). */
  maxAgeMs: number;
}
export const DEFAULT_OPTIONS: EstimateOptions = { ...DEFAULT_BOUNDS, historyDays: 28, minServed: 5, maxAgeMs: 60_000 };

interface Deps { db: Db; queue: KioskConfig['queue']; timeZone: string; clock: Clock }

/**
 * The queue's wait model (`app.estimates`, given to `app.queue`): the hall simulated from its served history,
 * cached per category and per ticket until the queue changes (`changed()` on every queue event), one
 * simulation at a time, each in slices of the event loop (`sliced.ts`). Null where there is no history.
 */
export class EstimateService implements WaitEstimator {
  private generation = 0;
  private readonly cache = new Map<string, { generation: number; at: number; value: Promise<WaitRange | null> }>();
  private hall?: { generation: number; at: number; value: Promise<HallSnapshot> };
  private history?: { date: string; at: number; value: Promise<{ model: HallHistory; served: Map<string, number> }> };
  /** Simulations run one after another: a burst of requests queues instead of multiplying the CPU used. */
  private work: Promise<unknown> = Promise.resolve();
  private hour = 9;

  constructor(private readonly deps: Deps, readonly options: EstimateOptions = DEFAULT_OPTIONS) {}

  /** The queue moved (a ticket issued, called, finished, a window paused): every estimate is recomputed when asked. */
  changed(): void {
    this.generation += 1;
    this.cache.clear();
  }

  forCategory(categoryId: string): Promise<WaitRange | null> {
    const c = this.deps.queue.categories.find((x) => x.id === categoryId);
    if (!c) return Promise.resolve(null);
    return this.cached(`c:${categoryId}`, async (hall) => ({
      lane: laneOf(categoryId, c.priority),
      now: queueAhead(hall, { id: '', lane: laneOf(categoryId, c.priority), issuedAt: '\uffff', number: '' }, this.rules(hall).priority),
    }), categoryId);
  }

  forTicket(t: Pick<TicketRow, 'id' | 'category_id' | 'priority' | 'issued_at' | 'number' | 'service_date'>): Promise<WaitRange | null> {
    const lane = laneOf(t.category_id, t.priority);
    return this.cached(`t:${t.id}`, async (hall) => ({
      lane,
      now: queueAhead(hall, { id: t.id, lane, issuedAt: t.issued_at, number: t.number }, this.rules(hall).priority),
    }), t.category_id);
  }

  private rules(hall: HallSnapshot) {
    return hallRules(this.deps.queue, hall.paused);
  }

  private cached(key: string, queueOf: (hall: HallSnapshot) => Promise<{ lane: string; now: ReturnType<typeof queueAhead> }>, category: string): Promise<WaitRange | null> {
    const nowMs = this.deps.clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && nowMs - hit.at < this.options.maxAgeMs) return hit.value;
    const generation = this.generation;
    const value = this.serially(async () => {
      const { model, served } = await this.loadHistory();
      if ((served.get(category) ?? 0) < this.options.minServed) return null;
      const hall = await this.loadHall(generation);
      const { lane, now } = await queueOf(hall);
      this.hour = Number(localTime(this.deps.clock.now(), this.deps.timeZone).slice(0, 2));
      const e = await estimateSliced(this.rules(hall), now, model, lane, seededRandom(generation * 7919 + key.length), this.options);
      return e && { lowMinutes: e.lowMinutes, medianMinutes: e.medianMinutes, highMinutes: e.highMinutes };
    });
    this.cache.set(key, { generation, at: nowMs, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  private serially<T>(job: () => Promise<T>): Promise<T> {
    const next = this.work.then(job, job);
    this.work = next.catch(() => undefined);
    return next;
  }

  /** One read of the queue per change, shared by every estimate made for it. */
  private loadHall(generation: number): Promise<HallSnapshot> {
    const nowMs = this.deps.clock.now().getTime();
    if (this.hall && this.hall.generation === generation && nowMs - this.hall.at < this.options.maxAgeMs) return this.hall.value;
    const value = readHall(this.deps.db, serviceDate(new Date(nowMs), this.deps.timeZone), nowMs);
    this.hall = { generation, at: nowMs, value };
    return value;
  }

  /** The served history, read again each service day and every ten minutes (today's tickets join it). */
  private loadHistory() {
    const now = this.deps.clock.now();
    const date = serviceDate(now, this.deps.timeZone);
    if (this.history && this.history.date === date && now.getTime() - this.history.at < 600_000) return this.history.value;
    const from = serviceDate(new Date(now.getTime() - (this.options.historyDays - 1) * 86_400_000), this.deps.timeZone);
    const value = readServed(this.deps.db, from, date, this.deps.timeZone).then(({ records, days }) => ({
      model: historyFrom(records, days, () => this.hour, categoryOfLane),
      served: countBy(records),
    }));
    this.history = { date, at: now.getTime(), value };
    value.catch(() => (this.history = undefined));
    return value;
  }
}

function countBy(records: readonly ServedRecord[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const r of records) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  return n;
}

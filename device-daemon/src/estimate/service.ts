import type { Db } from '../store/db';
import type { Clock } from '../core/clock';
import type { KioskConfig } from '../config/schema';
import { localTime, serviceDate } from '../core/hall-time';
import type { TicketRow, WaitEstimator, WaitRange } from '../queue/types';
import { historyFrom, type ServedRecord } from './history';
import { categoryOfLane, hallRules, laneOf, readHall, readServed, type HallSnapshot } from './hall-now';
import { LaneRun, type Arrival } from './lane-run';
import { seededRandom, type HallHistory } from './simulate';
import { DEFAULT_BOUNDS, type CpuBounds } from './sliced';

export interface EstimateOptions extends CpuBounds {
  /** Days of served tickets the model draws from, today included. */
  historyDays: number;
  /** A category needs this many served tickets in that history, or the queue uses its naive estimate. */
  minServed: number;
  /** Runs of the hall are kept until the queue changes, or this long (busy windows' service goes on meanwhile). */
  maxAgeMs: number;
  /**
   * New tickets of a lane each run of the hall carries behind the queue, at least: a burst of this many reads one
   * run (more in a longer burst: `runFor`). 0 makes one run a ticket, as before the runs were shared.
   */
  arrivals: number;
}
export const DEFAULT_OPTIONS: EstimateOptions = { ...DEFAULT_BOUNDS, historyDays: 28, minServed: 5, maxAgeMs: 60_000, arrivals: 32 };

/** Tickets heard of since the hall was read, at most: past this many, it is read again (they are all in it). */
const MAX_HEARD = 4096;

interface Deps { db: Db; queue: KioskConfig['queue']; timeZone: string; clock: Clock }
type Estimated = Pick<TicketRow, 'id' | 'category_id' | 'priority' | 'issued_at' | 'number' | 'service_date'>;

/**
 * The queue's wait model (`app.estimates`, given to `app.queue`): the hall simulated from its served history,
 * one set of runs per lane (`LaneRun`) answering every waiting ticket of the lane and the next new ones (at
 * least `arrivals`), so a burst of tickets costs one simulation, not one each. The runs are made again when the
 * queue changes otherwise than by new tickets (`changed()`: a call, a finish, a pause), when a ticket of a lane
 * sharing a window comes between (`issued()`), once their new tickets are used up, or after `maxAgeMs`. One simulation at a
 * time, each in slices of the event loop (`sliced.ts`). Null where there is no history.
 */
export class EstimateService implements WaitEstimator {
  private generation = 0;
  /** The hall as read for this generation, and the tickets heard of since (in the order heard). */
  private hall?: { generation: number; at: number; value: Promise<HallSnapshot> };
  private tail: Arrival[] = [];
  private readonly heard = new Set<string>();
  private readonly runs = new Map<string, { generation: number; value: Promise<LaneRun | null> }>();
  private readonly categoryAnswers = new Map<string, { generation: number; heard: number; value: Promise<WaitRange | null> }>();
  private history?: { date: string; at: number; value: Promise<{ model: HallHistory; served: Map<string, number> }> };
  /** Simulations run one after another: a burst of requests queues instead of multiplying the CPU used. */
  private work: Promise<unknown> = Promise.resolve();
  private hour = 9;
  readonly options: EstimateOptions;
  /** Sets of runs made so far and their CPU time, ms (the bench and the tests read them: a burst should cost one). */
  simulations = 0;
  simulationCpuMs = 0;

  constructor(private readonly deps: Deps, options: EstimateOptions = DEFAULT_OPTIONS) {
    this.options = { ...options };
  }

  /** The queue moved otherwise than by a new ticket (called, finished, a window paused): the hall is read again. */
  changed(): void {
    this.generation += 1;
    this.tail = [];
    this.heard.clear();
    this.runs.clear();
    this.categoryAnswers.clear();
  }

  /** A ticket was issued (here or, relayed, at another daemon): it joins the end of its lane. */
  issued(ticket: { id: string; categoryId: string; priority?: boolean }): void {
    const c = this.deps.queue.categories.find((x) => x.id === ticket.categoryId);
    this.hear({ id: ticket.id, lane: laneOf(ticket.categoryId, ticket.priority ?? c?.priority ?? false) });
  }

  forCategory(categoryId: string): Promise<WaitRange | null> {
    const c = this.deps.queue.categories.find((x) => x.id === categoryId);
    if (!c) return Promise.resolve(null);
    this.fresh();
    const hit = this.categoryAnswers.get(categoryId);
    if (hit && hit.generation === this.generation && hit.heard === this.tail.length) return hit.value;
    const value = this.answer(categoryId, laneOf(categoryId, c.priority), (run) => run.nextPosition(this.tail));
    const entry = { generation: this.generation, heard: this.tail.length, value };
    this.categoryAnswers.set(categoryId, entry);
    value.catch(() => this.categoryAnswers.get(categoryId) === entry && this.categoryAnswers.delete(categoryId));
    return value;
  }

  forTicket(t: Estimated): Promise<WaitRange | null> {
    this.fresh();
    if (t.service_date !== serviceDate(this.deps.clock.now(), this.deps.timeZone)) return Promise.resolve(null);
    const lane = laneOf(t.category_id, t.priority);
    // Asked before its `issued` event (the new ticket's own answer): it is heard of now, and again should the
    // queue change while it waits (`changed()` forgets what was heard).
    this.hear({ id: t.id, lane });
    return this.answer(t.category_id, lane, (run) => (this.hear({ id: t.id, lane }), run.positionOf(t.id, this.tail)));
  }

  /** The range at the position `locate` finds in the lane's runs, made again (once or twice) where they cannot say. */
  private async answer(category: string, lane: string, locate: (run: LaneRun) => number | undefined): Promise<WaitRange | null> {
    const { served } = await this.loadHistory();
    if ((served.get(category) ?? 0) < this.options.minServed) return null;
    for (let attempt = 0; attempt < 3; attempt++) {
      const entry = this.runFor(lane);
      const run = await entry.value;
      if (entry.generation !== this.generation) continue; // the queue changed meanwhile: its new runs answer
      if (!run) return null;
      const position = locate(run);
      if (position !== undefined) return run.range(position);
      if (this.runs.get(lane) === entry) this.runs.delete(lane);
    }
    return null;
  }

  private runFor(lane: string) {
    const have = this.runs.get(lane);
    if (have && have.generation === this.generation) return have;
    const generation = this.generation;
    const tailAt = this.tail.length;
    const known = this.tail.slice(0, tailAt);
    // A burst carries on about as long as it has lasted: the runs carry as many new tickets as were heard of
    // since the hall was read (at least `arrivals`, at most 8 times that), so a long burst costs a few runs.
    const count = Math.min(8 * this.options.arrivals, Math.max(this.options.arrivals, tailAt));
    const value = this.serially(async () => {
      const { model } = await this.loadHistory();
      const hall = await this.loadHall(generation);
      const read = new Set(hall.waiting.map((w) => w.id));
      const waiting = [...hall.waiting, ...known.filter((a) => !read.has(a.id))];
      this.hour = Number(localTime(this.deps.clock.now(), this.deps.timeZone).slice(0, 2));
      this.simulations += 1;
      const rng = seededRandom(generation * 7919 + this.simulations);
      const run = await LaneRun.make(hallRules(this.deps.queue, hall.paused), waiting, hall.busy, model, lane, count, tailAt, rng, this.options);
      this.simulationCpuMs += run?.cpuMs ?? 0;
      return run;
    });
    const entry = { generation, value };
    this.runs.set(lane, entry);
    value.catch(() => this.runs.get(lane) === entry && this.runs.delete(lane));
    return entry;
  }

  private hear(a: Arrival): void {
    if (this.heard.has(a.id)) return;
    this.heard.add(a.id);
    this.tail.push(a);
  }

  /**
   * Runs older than `maxAgeMs` are of a hall that has moved on (service time elapsed): read it again. So is a
   * long list of tickets heard of (a hall whose model has no history never reads the hall, yet hears them).
   */
  private fresh(): void {
    const h = this.hall;
    if (h && h.generation === this.generation && this.deps.clock.now().getTime() - h.at >= this.options.maxAgeMs) this.changed();
    else if (this.tail.length >= MAX_HEARD) this.changed();
  }

  private serially<T>(job: () => Promise<T>): Promise<T> {
    const next = this.work.then(job, job);
    this.work = next.catch(() => undefined);
    return next;
  }

  /** One read of the queue per generation, shared by every lane's runs. */
  private loadHall(generation: number): Promise<HallSnapshot> {
    if (this.hall && this.hall.generation === generation) return this.hall.value;
    const nowMs = this.deps.clock.now().getTime();
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

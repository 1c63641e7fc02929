import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Db } from '../store/db';
import type { KioskConfig } from '../config/schema';
import { badRequest, notFound } from '../core/errors';
import { localTime } from '../core/hall-time';
import { historyFrom } from './history';
import { categoryOfLane, hallRules, laneOf, readServed } from './hall-now';
import { playDay, type DayArrival } from './day';
import { seededRandom } from './simulate';
import type { WhatIfReply, WhatIfRequest, WindowPlan } from './types';

/** Runs per side: the day's own randomness (service times) averaged over, within a manager's patience. */
const RUNS = 20;

/**
 * The hall twin (issue 14 #7): a past day's arrivals replayed by the same simulation twice, with the windows as
 * configured and as the manager plans them (which windows open, which categories each serves); mean and
 * 80th-percentile waits per category, before and after, beside the waits recorded that day.
 */
export class WhatIf {
  constructor(private readonly deps: { db: Db; queue: KioskConfig['queue']; timeZone: string }) {}

  /** The windows as configured: the plan the page starts from. */
  configured(): WindowPlan[] {
    return hallRules(this.deps.queue).windows.map((w) => ({ counter: w.counter, categories: w.categories.filter((c) => !c.endsWith('*')) }));
  }

  async run(req: WhatIfRequest): Promise<WhatIfReply> {
    const known = new Set(this.deps.queue.categories.map((c) => c.id));
    for (const w of req.windows) {
      const unknown = w.categories.find((c) => !known.has(c));
      if (unknown) throw badRequest('CATEGORY_NOT_FOUND', `没有业务类别 ${unknown}`, { counter: w.counter });
    }
    const rows = await this.deps.db.query<{ category_id: string; priority: number; issued_at: string; called_at: string | null }>(
      `SELECT category_id, priority, issued_at, called_at FROM tickets WHERE service_date = $1 AND state <> 'cancelled'`,
      [req.date],
    );
    if (rows.length === 0) throw notFound('DAY_NOT_FOUND', `${req.date} 没有取号记录，请选择大厅开放的日子`);
    const seconds = (iso: string) => {
      const [h, m] = localTime(new Date(iso), this.deps.timeZone).split(':').map(Number);
      return h! * 3600 + m! * 60 + (Date.parse(iso) / 1000) % 60;
    };
    const arrivals: DayArrival[] = rows.map((r) => ({ lane: laneOf(r.category_id, Number(r.priority)), issued: seconds(r.issued_at) }));
    // Service times: that day's own where it has enough, else the history reaching back four weeks.
    const served = await readServed(this.deps.db, req.date, req.date, this.deps.timeZone);
    const history = historyFrom(served.records, 1, () => 0, categoryOfLane);
    const before = await this.play(hallRules(this.deps.queue), arrivals, history);
    const after = await this.play(hallRules(this.deps.queue, new Set(), req.windows), arrivals, history);
    return {
      date: req.date,
      tickets: rows.length,
      categories: this.deps.queue.categories.map((c) => {
        const mine = rows.map((r, i) => (r.category_id === c.id ? i : -1)).filter((i) => i >= 0);
        const recorded = mine.flatMap((i) => (rows[i]!.called_at ? [(Date.parse(rows[i]!.called_at!) - Date.parse(rows[i]!.issued_at)) / 60_000] : []));
        return {
          categoryId: c.id,
          name: c.name,
          tickets: mine.length,
          recordedMeanMinutes: recorded.length ? round(mean(recorded)) : null,
          before: figures(before, mine),
          after: figures(after, mine),
        };
      }).filter((c) => c.tickets > 0),
    };
  }

  /** RUNS plays of the day: each ticket's waits (minutes), null where no window serves it. */
  private async play(rules: ReturnType<typeof hallRules>, arrivals: DayArrival[], history: ReturnType<typeof historyFrom>) {
    const rng = seededRandom(7);
    const runs: (number | null)[][] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(playDay(rules, arrivals, history, rng).map((w) => (w === null ? null : w / 60)));
      await yieldToLoop(); // one day per slice: a busy day is a few milliseconds
    }
    return runs;
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 10) / 10;

function figures(runs: (number | null)[][], tickets: number[]) {
  const waits = runs.flatMap((r) => tickets.map((i) => r[i]!));
  const served = waits.filter((w): w is number => w !== null).sort((a, b) => a - b);
  if (served.length === 0) return { meanMinutes: null, p80Minutes: null, unserved: tickets.length };
  return {
    meanMinutes: round(mean(served)),
    p80Minutes: round(served[Math.min(served.length - 1, Math.floor(0.8 * served.length))]!),
    unserved: Math.round((waits.length - served.length) / runs.length),
  };
}

import type { Db } from '../store/db';
import { percentileMinutes } from './histogram';
import { emptyTally, mergeTallies, readRollups, storeRollup, tallyDay, addInto, type Dimension, type Tallies, type Tally } from './rollup';
import { ratingFigures, ratingsOf, workordersFor } from './ratings';
import { closedPeriods, daysBetween } from './periods';
import type { DeviceFaultLog } from './faults';
import type { Statistics, TicketFigures } from './types';

export { daysBetween } from './periods';

/** Names the tables show beside keys: category letters, 工号. */
export interface Labels {
  category(id: string): string;
  staff(id: string): string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function figures(key: string, label: string, t: Tally): TicketFigures {
  return {
    key, label, issued: t.issued, served: t.served, noShow: t.noShow, transferred: t.transferred,
    waitMedian: percentileMinutes(t.waits, 0.5), waitP90: percentileMinutes(t.waits, 0.9),
    serviceMedian: percentileMinutes(t.services, 0.5), serviceP90: percentileMinutes(t.services, 0.9),
  };
}

/**
 * The hall's statistics for a range of service days: closed months and days from their rollups (made on first
 * demand, once; a month merged from its days), today live from its rows; 工单 by their state now.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
    private readonly today: () => string,
    private readonly labels: Labels,
    private readonly faults: DeviceFaultLog,
  ) {}

  /** Rolls up every closed day and month of the range not rolled up yet; returns how many periods it did. */
  async rollUp(from: string, to: string): Promise<number> {
    const { months, days } = closedPeriods(from, to, this.today());
    const monthDays = months.flatMap((m) => daysBetween(`${m}-01`, lastDayOf(m)));
    const wanted = [...months, ...days, ...monthDays];
    const done = new Set<string>();
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500);
      const rows = await this.db.query<{ period: string }>(
        `SELECT period FROM report_periods WHERE period IN (${chunk.map((_, n) => `$${n + 1}`).join(', ')})`, chunk);
      for (const r of rows) done.add(r.period);
    }
    const now = new Date().toISOString();
    let made = 0;
    for (const day of [...days, ...monthDays]) {
      if (done.has(day)) continue;
      // Counted on the pool (its three reads at once, each on a connection; on one transaction's connection they
      // would only queue, which pg deprecates), stored in the transaction: a past day's rows no longer change, and
      // under READ COMMITTED the reads saw no common snapshot inside it either.
      const tallies = await tallyDay(this.db, day, this.timeZone);
      if (await this.db.tx(async (q) => storeRollup(q, day, tallies, now))) made += 1;
    }
    // A month is the sum of its days' rollups (their histograms merged), never recounted from tickets.
    for (const month of months) {
      if (done.has(month)) continue;
      const days = daysBetween(`${month}-01`, lastDayOf(month));
      if (await this.db.tx(async (q) => storeRollup(q, month, await readRollups(q, days), now))) made += 1;
    }
    return made;
  }

  async statistics(from: string, to: string): Promise<Statistics> {
    await this.rollUp(from, to);
    const today = this.today();
    const { months, days } = closedPeriods(from, to, today);
    // Rollups, today's rows, 工单 and faults read at once (round trips to PostgreSQL overlap).
    const [tallies, live, extra] = await Promise.all([
      readRollups(this.db, [...months, ...days]),
      today >= from && today <= to ? tallyDay(this.db, today, this.timeZone) : undefined,
      this.extra(from, to),
    ]);
    if (live) mergeTallies(tallies, live);
    return this.present(from, to, tallies, extra);
  }

  /** What is never rolled up: 工单 by their state now, device faults. */
  private async extra(from: string, to: string) {
    const [workorders, deviceFaults] = await Promise.all([workordersFor(this.db, from, to, this.today()), this.faults.figures(from, to)]);
    return { workorders, deviceFaults };
  }

  /** The same figures counted from every ticket and rating of the range, no rollup: what the rollups must equal. */
  async rawStatistics(from: string, to: string): Promise<Statistics> {
    const tallies: Tallies = new Map();
    for (const day of daysBetween(from, to).filter((d) => d <= this.today())) mergeTallies(tallies, await tallyDay(this.db, day, this.timeZone));
    return this.present(from, to, tallies, await this.extra(from, to));
  }

  private present(from: string, to: string, tallies: Tallies, extra: Pick<Statistics, 'workorders' | 'deviceFaults'>): Statistics {
    const today = this.today();
    const table = (dim: Dimension, label: (key: string) => string, order: (a: string, b: string) => number) =>
      [...tallies].filter(([k]) => k.startsWith(`${dim}|`)).map(([k, t]) => [k.slice(dim.length + 1), t] as const)
        .sort((a, b) => order(a[0], b[0])).map(([key, t]) => figures(key, label(key), t));
    const byText = (a: string, b: string) => a.localeCompare(b);
    const totals = emptyTally();
    for (const [k, t] of tallies) if (k.startsWith('category|')) addInto(totals, t);
    const days = daysBetween(from, to).filter((d) => d <= today);
    const ratings = ratingsOf(tallies);
    return {
      from, to, days: days.length,
      totals: figures('all', '合计', totals),
      byCategory: table('category', (k) => `${k} ${this.labels.category(k)}`, byText),
      byWindow: table('window', (k) => `${k}号窗口`, (a, b) => Number(a) - Number(b)),
      byStaff: table('staff', (k) => `${k} ${this.labels.staff(k)}`, byText),
      byHour: table('hour', (k) => `${k}:00–${k}:59`, byText),
      byWeekday: [1, 2, 3, 4, 5, 6, 0].map((wd) => ({
        key: String(wd || 7), label: WEEKDAYS[wd]!, issued: tallies.get(`weekday|${wd}`)?.issued ?? 0,
        days: days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === wd).length,
      })),
      ratings: ratingFigures(ratings.levels),
      ratingsByStaff: [...ratings.byStaff].sort((a, b) => a[0].localeCompare(b[0]))
        .map(([id, levels]) => ({ key: id, label: `${id} ${this.labels.staff(id)}`, ...ratingFigures(levels) })),
      badReasons: ratings.badReasons,
      ...extra,
    };
  }
}

const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

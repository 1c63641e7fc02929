import type { Db } from '../store/db';
import { decodeHistogramInto, mergeInto, percentileMinutes } from './histogram';
import { emptyTally, rollUpDay, tallyDay, type Dimension, type Tally } from './rollup';
import { ratingFigures, ratingsFor } from './ratings';
import type { Statistics, TicketFigures } from './types';

/** Names the tables show beside keys: category letters, 工号. */
export interface Labels {
  category(id: string): string;
  staff(id: string): string;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Every calendar day from `from` to `to`, inclusive (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

interface RollupRow {
  service_date: string;
  dimension: Dimension;
  key: string;
  issued: number;
  served: number;
  no_show: number;
  transferred: number;
  wait_hist: string;
  service_hist: string;
}

function figures(key: string, label: string, t: Tally): TicketFigures {
  return {
    key, label, issued: t.issued, served: t.served, noShow: t.noShow, transferred: t.transferred,
    waitMedian: percentileMinutes(t.waits, 0.5), waitP90: percentileMinutes(t.waits, 0.9),
    serviceMedian: percentileMinutes(t.services, 0.5), serviceP90: percentileMinutes(t.services, 0.9),
  };
}

function addTally(into: Tally, t: { issued: number; served: number; noShow: number; transferred: number }): void {
  into.issued += t.issued;
  into.served += t.served;
  into.noShow += t.noShow;
  into.transferred += t.transferred;
}

/**
 * The hall's statistics for a range of service days: closed days from their daily rollups (made on first
 * demand, once), today live from its tickets; ratings and 工单 from their own indexes.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
    private readonly today: () => string,
    private readonly labels: Labels,
  ) {}

  /** Rolls up every closed day of the range not rolled up yet; returns how many it did. */
  async rollUp(from: string, to: string): Promise<number> {
    const today = this.today();
    const done = new Set(
      (await this.db.query<{ service_date: string }>('SELECT service_date FROM report_days WHERE service_date BETWEEN $1 AND $2', [from, to]))
        .map((r) => r.service_date),
    );
    const missing = daysBetween(from, to).filter((d) => d < today && !done.has(d));
    const now = new Date().toISOString();
    for (const day of missing) await this.db.tx((q) => rollUpDay(q, day, this.timeZone, now));
    return missing.length;
  }

  async statistics(from: string, to: string): Promise<Statistics> {
    await this.rollUp(from, to);
    const groups = new Map<string, Tally>();
    const perDay = new Map<string, number>();
    const group = (k: string) => {
      let t = groups.get(k);
      if (!t) groups.set(k, (t = emptyTally()));
      return t;
    };
    const rows = await this.db.query<RollupRow>(
      `SELECT service_date, dimension, key, issued, served, no_show, transferred, wait_hist, service_hist
       FROM report_rollups WHERE service_date BETWEEN $1 AND $2`,
      [from, to],
    );
    for (const r of rows) {
      const t = group(`${r.dimension}|${r.key}`);
      addTally(t, { issued: r.issued, served: r.served, noShow: r.no_show, transferred: r.transferred });
      decodeHistogramInto(t.waits, r.wait_hist);
      decodeHistogramInto(t.services, r.service_hist);
      if (r.dimension === 'category') perDay.set(r.service_date, (perDay.get(r.service_date) ?? 0) + r.issued);
    }
    const today = this.today();
    if (today >= from && today <= to) {
      for (const [k, live] of await tallyDay(this.db, today, this.timeZone)) {
        const t = group(k);
        addTally(t, live);
        mergeInto(t.waits, live.waits);
        mergeInto(t.services, live.services);
        if (k.startsWith('category|')) perDay.set(today, (perDay.get(today) ?? 0) + live.issued);
      }
    }
    const table = (dim: Dimension, label: (key: string) => string, order: (a: string, b: string) => number) =>
      [...groups].filter(([k]) => k.startsWith(`${dim}|`)).map(([k, t]) => [k.slice(dim.length + 1), t] as const)
        .sort((a, b) => order(a[0], b[0])).map(([key, t]) => figures(key, label(key), t));
    const byText = (a: string, b: string) => a.localeCompare(b);
    const totals = emptyTally();
    for (const [k, t] of groups) {
      if (!k.startsWith('category|')) continue;
      addTally(totals, t);
      mergeInto(totals.waits, t.waits);
      mergeInto(totals.services, t.services);
    }
    const days = daysBetween(from, to).filter((d) => d <= today);
    const ratings = await ratingsFor(this.db, from, to, today);
    return {
      from, to, days: days.length,
      totals: figures('all', '合计', totals),
      byCategory: table('category', (k) => `${k} ${this.labels.category(k)}`, byText),
      byWindow: table('window', (k) => `${k}号窗口`, (a, b) => Number(a) - Number(b)),
      byStaff: table('staff', (k) => `${k} ${this.labels.staff(k)}`, byText),
      byHour: table('hour', (k) => `${k}:00–${k}:59`, byText),
      byWeekday: [1, 2, 3, 4, 5, 6, 0].map((wd) => {
        const these = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === wd);
        return { key: String(wd || 7), label: WEEKDAYS[wd]!, issued: these.reduce((n, d) => n + (perDay.get(d) ?? 0), 0), days: these.length };
      }),
      ratings: ratingFigures(ratings.levels),
      ratingsByStaff: [...ratings.byStaff].sort((a, b) => a[0].localeCompare(b[0]))
        .map(([id, levels]) => ({ key: id, label: `${id} ${this.labels.staff(id)}`, ...ratingFigures(levels) })),
      badReasons: ratings.badReasons,
      workorders: ratings.workorders,
    };
  }
}

import { chooseLane, nextStreak } from '../../device-daemon/src/counters/rules';
import type { HallRules } from '../../device-daemon/src/estimate/simulate';

/** A recorded ticket, generated or read from a CSV of real tickets: seconds from the day's midnight (local). */
export interface TicketRecord {
  category: string;
  issued: number;
  called: number | null;
  done: number | null;
  counter: number | null;
}

/** A busy district hall: six windows, five themed categories and a priority lane (企业绿色通道), 2:1 interleave. */
export const HALL: HallRules = {
  windows: [
    { counter: 1, categories: ['A', 'F'] }, { counter: 2, categories: ['A', 'B', 'F'] }, { counter: 3, categories: ['B', 'C'] },
    { counter: 4, categories: ['C', 'D'] }, { counter: 5, categories: ['D', 'E'] }, { counter: 6, categories: ['A', 'E'] },
  ],
  priority: new Set(['F']),
  priorityRatio: 2,
};
/** Arrivals per hour at the peak, and the service time's median in minutes (log-normal, spread 0.6). */
const CATEGORIES = { A: [26, 4], B: [10, 9], C: [9, 7], D: [7, 11], E: [8, 5], F: [4, 8] } as const;
/** Share of the peak per opening hour, 09:00–17:00: a morning peak, a lunch dip, an afternoon bump. */
const PROFILE = [0.8, 1, 0.9, 0.5, 0.4, 0.9, 1, 0.7];

function logNormal(medianSeconds: number, rng: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(30, medianSeconds * Math.exp(0.6 * z));
}

/** One day of the hall played by its own rules with the true distributions: every ticket's issue, call and end. */
export function generateDay(rng: () => number): TicketRecord[] {
  const arrivals: { category: string; issued: number }[] = [];
  for (const [category, [peak]] of Object.entries(CATEGORIES)) {
    PROFILE.forEach((share, h) => {
      const rate = (peak * share) / 3600;
      for (let t = (9 + h) * 3600 - Math.log(1 - rng()) / rate; t < (10 + h) * 3600; t += -Math.log(1 - rng()) / rate) arrivals.push({ category, issued: t });
    });
  }
  arrivals.sort((a, b) => a.issued - b.issued);
  const records: TicketRecord[] = arrivals.map((a) => ({ ...a, called: null, done: null, counter: null }));
  const windows = HALL.windows.map((w) => ({ ...w, free: 9 * 3600, streak: 0 }));
  const waiting: TicketRecord[] = [];
  const advance = (until: number) => {
    for (;;) {
      let best: (typeof windows)[number] | undefined;
      for (const w of windows) if (w.free <= until && waiting.some((r) => w.categories.includes(r.category)) && (!best || w.free < best.free)) best = w;
      if (!best) return;
      const w = best;
      const isPriority = (r: TicketRecord) => HALL.priority.has(r.category);
      const lane = chooseLane(w.streak, HALL.priorityRatio, {
        priority: waiting.some((r) => isPriority(r) && w.categories.includes(r.category)),
        normal: waiting.some((r) => !isPriority(r) && w.categories.includes(r.category)),
      })!;
      const i = waiting.findIndex((r) => w.categories.includes(r.category) && isPriority(r) === (lane === 'priority'));
      const [r] = waiting.splice(i, 1);
      r!.called = w.free;
      r!.counter = w.counter;
      r!.done = w.free + logNormal(CATEGORIES[r!.category as keyof typeof CATEGORIES][1] * 60, rng);
      w.free = r!.done;
      w.streak = nextStreak(w.streak, lane);
    }
  };
  for (const r of records) {
    advance(r.issued);
    for (const w of windows) w.free = Math.max(w.free, r.issued);
    waiting.push(r);
  }
  advance(Infinity);
  return records;
}

/** A CSV of real tickets: `category,issued_at,called_at,done_at,counter` (ISO times of one day; blanks allowed). */
export function recordsFromCsv(text: string): TicketRecord[] {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((l) => l.split(','));
  const t0 = Math.min(...rows.map((r) => Date.parse(r[1]!)));
  const midnight = t0 - (t0 % 86_400_000);
  const secs = (v: string | undefined) => (v ? (Date.parse(v) - midnight) / 1000 : null);
  return rows.map((r) => ({ category: r[0]!, issued: secs(r[1])!, called: secs(r[2]), done: secs(r[3]), counter: r[4] ? Number(r[4]) : null }));
}

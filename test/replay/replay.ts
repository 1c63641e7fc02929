import { estimateWait, seededRandom, type HallRules, type QueueNow } from '../../device-daemon/src/estimate/simulate';
import { historyFrom, type ServedRecord } from '../../device-daemon/src/estimate/history';
import type { TicketRecord } from './day';

export interface ReplayScore {
  tickets: number;
  model: { maeMinutes: number; insideRange: number };
  naive: { maeMinutes: number; insideRange: number };
}

const served = (days: TicketRecord[][]): ServedRecord[] =>
  days.flat().filter((r) => r.called !== null && r.done !== null)
    .map((r) => ({ category: r.category, serviceSeconds: r.done! - r.called!, issuedHour: Math.floor(r.issued / 3600) }));

/**
 * For every called ticket of `day`: the queue as it stood at its issue (rebuilt from the records), the model's
 * estimate from `history` days, today's estimate (people ahead in its category × the category's mean service
 * time ÷ its windows, `queue/service.ts`), and the wait that followed. «Inside»: the model's shown range
 * holds the wait; for the naive single figure, the wait lies in a band as wide as the model's range, centred on it.
 */
export function replayDay(rules: HallRules, history: TicketRecord[][], day: TicketRecord[], runs: number, seed = 1): ReplayScore {
  let hour = 9;
  const model = historyFrom(served(history), history.length, () => hour);
  const means = new Map<string, { s: number; n: number }>();
  for (const r of served(history)) {
    const m = means.get(r.category) ?? { s: 0, n: 0 };
    means.set(r.category, { s: m.s + r.serviceSeconds, n: m.n + 1 });
  }
  const rng = seededRandom(seed);
  const score = { tickets: 0, model: { err: 0, inside: 0 }, naive: { err: 0, inside: 0 } };
  for (const t of day) {
    if (t.called === null) continue;
    const at = t.issued;
    hour = Math.floor(at / 3600);
    const now: QueueNow = {
      waiting: day.filter((r) => r !== t && r.issued < at && (r.called === null || r.called > at)).sort((a, b) => a.issued - b.issued),
      busy: day.filter((r) => r.called !== null && r.called <= at && (r.done ?? Infinity) > at && r.counter !== null)
        .map((r) => ({ counter: r.counter!, category: r.category, elapsedSeconds: at - r.called! })),
    };
    const e = estimateWait(rules, now, model, t.category, rng, runs);
    if (!e) continue;
    const actual = (t.called - at) / 60;
    const ahead = now.waiting.filter((r) => r.category === t.category).length;
    const m = means.get(t.category);
    const windows = rules.windows.filter((w) => w.categories.includes(t.category)).length;
    const naive = m ? Math.ceil((ahead * m.s) / m.n / Math.max(1, windows) / 60) : 0;
    score.tickets += 1;
    score.model.err += Math.abs(e.medianMinutes - actual);
    if (actual >= e.lowMinutes && actual <= e.highMinutes) score.model.inside += 1;
    score.naive.err += Math.abs(naive - actual);
    // The naive figure gets a band as wide as the model's range for the same ticket, centred on it.
    if (Math.abs(naive - actual) <= (e.highMinutes - e.lowMinutes) / 2) score.naive.inside += 1;
  }
  const n = Math.max(1, score.tickets);
  return {
    tickets: score.tickets,
    model: { maeMinutes: score.model.err / n, insideRange: score.model.inside / n },
    naive: { maeMinutes: score.naive.err / n, insideRange: score.naive.inside / n },
  };
}

import type { HallHistory, HallRules } from './simulate';

/** One ticket of a past day as the what-if replays it: its lane (see hall-now.ts) and seconds since midnight. */
export interface DayArrival { lane: string; issued: number }

/**
 * A whole day played by the hall's rules (pure): the day's own arrivals, windows as `rules` opens them, service
 * times drawn from `history`. Each window calls the oldest ticket of a lane it serves, priority after
 * `priorityRatio` normal calls (`counters/rules.ts`). Returns each ticket's wait in seconds, in `arrivals`'
 * order; null for a ticket no open window serves.
 */
export function playDay(rules: HallRules, arrivals: readonly DayArrival[], history: HallHistory, rng: () => number): (number | null)[] {
  const order = arrivals.map((a, i) => ({ ...a, i })).sort((a, b) => a.issued - b.issued);
  const waits: (number | null)[] = arrivals.map(() => null);
  const windows = rules.windows.map((w) => ({ serves: new Set(w.categories), free: -Infinity, streak: 0 }));
  const waiting: (typeof order)[number][] = [];
  const isPriority = (lane: string) => rules.priority.has(lane);
  const advance = (until: number) => {
    for (;;) {
      let best: (typeof windows)[number] | undefined;
      let pick = -1;
      for (const w of windows) {
        if (w.free > until || (best && w.free >= best.free)) continue;
        const i = nextFor(w);
        if (i >= 0) [best, pick] = [w, i];
      }
      if (!best) return;
      const [t] = waiting.splice(pick, 1);
      waits[t!.i] = best.free - t!.issued;
      best.streak = isPriority(t!.lane) ? 0 : best.streak + 1;
      best.free += history.sampleService(t!.lane, rng);
    }
  };
  const nextFor = (w: (typeof windows)[number]) => {
    const p = waiting.findIndex((t) => isPriority(t.lane) && w.serves.has(t.lane));
    const n = waiting.findIndex((t) => !isPriority(t.lane) && w.serves.has(t.lane));
    return p >= 0 && (n < 0 || w.streak >= rules.priorityRatio) ? p : n;
  };
  for (const a of order) {
    advance(a.issued);
    for (const w of windows) w.free = Math.max(w.free, a.issued);
    waiting.push(a);
  }
  advance(Infinity);
  return waits;
}

/**
 * The hall's own rules as a discrete-event simulation (pure; no store, no clock): which windows serve which
 * categories, priority interleave (after `priorityRatio` normal calls a window takes a priority ticket), oldest
 * ticket first within a lane. Run many times over the queue as it stands, it gives a new ticket's wait as a
 * median and a range. Only priority tickets arriving later can overtake, so only their arrivals are simulated.
 */
export interface HallRules {
  /** Open windows and the categories each serves. */
  windows: { counter: number; categories: readonly string[] }[];
  priority: ReadonlySet<string>;
  priorityRatio: number;
}

export interface QueueNow {
  /** Tickets waiting, oldest first (the new ticket not among them). */
  waiting: { category: string }[];
  /** Windows busy now: seconds since their current ticket was called, and its category. */
  busy: { counter: number; category: string; elapsedSeconds: number; streak?: number }[];
}

/** What the served history says: a service time drawn for a category, priority arrivals per second now. */
export interface HallHistory {
  sampleService(category: string, rng: () => number): number;
  priorityArrivalsPerSecond(category: string): number;
}

interface Lane { category: string; at: number; target?: boolean }

/** One run: seconds until the new ticket of `category` is called; null when no open window serves it. */
export function simulateOnce(rules: HallRules, now: QueueNow, history: HallHistory, category: string, rng: () => number): number | null {
  if (!rules.windows.some((w) => w.categories.includes(category))) return null;
  const normal: Lane[] = [];
  const priority: Lane[] = [];
  now.waiting.forEach((t, i) => (rules.priority.has(t.category) ? priority : normal).push({ category: t.category, at: -1 - now.waiting.length + i }));
  (rules.priority.has(category) ? priority : normal).push({ category, at: 0, target: true });
  // Later priority arrivals (Poisson), for an hour ahead.
  for (const c of rules.priority) {
    const rate = history.priorityArrivalsPerSecond(c);
    for (let t = rate > 0 ? -Math.log(1 - rng()) / rate : Infinity; t < 3600; t += -Math.log(1 - rng()) / rate) priority.push({ category: c, at: t });
  }
  priority.sort((a, b) => a.at - b.at);
  const windows = rules.windows.map((w) => {
    const b = now.busy.find((x) => x.counter === w.counter);
    return { serves: new Set(w.categories), free: b ? residual(history, b.category, b.elapsedSeconds, rng) : 0, streak: b?.streak ?? 0 };
  });
  for (let guard = 0; guard < 10_000; guard++) {
    let w = windows[0]!;
    for (const x of windows) if (x.free < w.free) w = x;
    if (!Number.isFinite(w.free)) return null;
    const t = w.free;
    const pi = priority.findIndex((l) => l.at <= t && w.serves.has(l.category));
    const ni = normal.findIndex((l) => w.serves.has(l.category));
    const takePriority = pi >= 0 && (ni < 0 || w.streak >= rules.priorityRatio);
    if (!takePriority && ni < 0) {
      const next = priority.find((l) => l.at > t && w.serves.has(l.category));
      w.free = next ? next.at : Infinity;
      continue;
    }
    const [lane] = takePriority ? priority.splice(pi, 1) : normal.splice(ni, 1);
    if (lane!.target) return t;
    w.streak = takePriority ? 0 : w.streak + 1;
    w.free = t + history.sampleService(lane!.category, rng);
  }
  return null;
}

/** What is left of a service already `elapsed` seconds long: a draw longer than that, less the elapsed part. */
export function residual(history: HallHistory, category: string, elapsed: number, rng: () => number): number {
  for (let i = 0; i < 20; i++) {
    const s = history.sampleService(category, rng);
    if (s > elapsed) return s - elapsed;
  }
  return history.sampleService(category, rng) / 2;
}

export interface WaitEstimate {
  /** Minutes: the median run and the range holding the middle of the runs (20th to 80th percentile). */
  medianMinutes: number;
  lowMinutes: number;
  highMinutes: number;
}

/** Many runs of the simulation: the median and the 20–80 % range (see `summarize`). */
export function estimateWait(rules: HallRules, now: QueueNow, history: HallHistory, category: string, rng: () => number, runs = 200): WaitEstimate | null {
  const waits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const w = simulateOnce(rules, now, history, category, rng);
    if (w === null) return null;
    waits.push(w);
  }
  return summarize(waits);
}

/** The runs' waits (seconds) as whole minutes: the median and the 20–80 % range (low rounded down, high up). */
export function summarize(waits: number[] | Float64Array): WaitEstimate {
  if (waits instanceof Float64Array) waits.sort(); // numeric already, and without a comparator to call
  else waits.sort((a, b) => a - b);
  const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))]!;
  return { medianMinutes: Math.round(at(0.5) / 60), lowMinutes: Math.floor(at(0.2) / 60), highMinutes: Math.ceil(at(0.8) / 60) };
}

/** A small seeded generator (mulberry32), so a run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

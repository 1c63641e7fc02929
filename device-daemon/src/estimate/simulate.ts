import { LaneSimulation } from './lane';

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

/**
 * One run: seconds until a new ticket of `category` is called; null when no open window serves it. The rules
 * are `LaneSimulation`'s (lane.ts, what the daemon runs) with one new ticket, the last of its lane.
 */
export function simulateOnce(rules: HallRules, now: QueueNow, history: HallHistory, category: string, rng: () => number): number | null {
  return newTicketRuns(rules, now, history, category)(rng);
}

/** A new ticket's runs laid out once: each call is one run, its wait in seconds or null. */
export function newTicketRuns(rules: HallRules, now: QueueNow, history: HallHistory, category: string): (rng: () => number) => number | null {
  const simulation = new LaneSimulation(rules, now, history, category, 1);
  const out = new Float64Array(simulation.targets);
  return (rng) => (simulation.run(rng, out) ? out[simulation.targets - 1]! : null);
}

export interface WaitEstimate {
  /** Minutes: the median run and the range holding the middle of the runs (20th to 80th percentile). */
  medianMinutes: number;
  lowMinutes: number;
  highMinutes: number;
}

/** Many runs of the simulation: the median and the 20–80 % range (see `summarize`). */
export function estimateWait(rules: HallRules, now: QueueNow, history: HallHistory, category: string, rng: () => number, runs = 200): WaitEstimate | null {
  const once = newTicketRuns(rules, now, history, category);
  const waits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const w = once(rng);
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

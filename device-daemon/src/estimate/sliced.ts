import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { newTicketRuns, summarize, type HallHistory, type HallRules, type QueueNow, type WaitEstimate } from './simulate';

export interface CpuBounds {
  /** Runs wanted for one estimate. */
  runs: number;
  /** Fewer runs are taken when the runs so far used this much CPU (a very long queue), but never under `minRuns`. */
  budgetMs: number;
  minRuns: number;
  /** The event loop is given back after this long, so requests and device I/O go on between slices. */
  sliceMs: number;
}

export const DEFAULT_BOUNDS: CpuBounds = { runs: 200, budgetMs: 40, minRuns: 40, sliceMs: 8 };

/**
 * `estimateWait` that never holds the event loop for more than about one slice: a busy hall's queue of 300
 * makes one run cost milliseconds (test/bench: `estimate` rows measure the longest stall).
 */
export async function estimateSliced(rules: HallRules, now: QueueNow, history: HallHistory, lane: string, rng: () => number, bounds: CpuBounds): Promise<WaitEstimate | null> {
  const once = newTicketRuns(rules, now, history, lane);
  const waits: number[] = [];
  const done = await repeatSliced(() => {
    const w = once(rng);
    if (w !== null) waits.push(w);
    return w !== null;
  }, bounds);
  return done && summarize(waits);
}

/**
 * `once` run up to `bounds.runs` times in slices of the event loop, fewer past the CPU budget (never under
 * `minRuns`): how many ran and the CPU time they took (ms), or null as soon as one answers false (no open
 * window serves the lane).
 */
export async function repeatSliced(once: (run: number) => boolean, bounds: CpuBounds): Promise<{ runs: number; cpuMs: number } | null> {
  let runs = 0;
  let used = 0;
  let cpu = process.cpuUsage();
  let cpuMs = 0;
  const spent = () => {
    const d = process.cpuUsage(cpu);
    cpuMs += (d.user + d.system) / 1000;
  };
  let sliceStart = performance.now();
  while (runs < bounds.runs) {
    if (!once(runs)) return null;
    runs += 1;
    const t = performance.now();
    if (t - sliceStart >= bounds.sliceMs) {
      used += t - sliceStart;
      if (used >= bounds.budgetMs && runs >= bounds.minRuns) break;
      spent();
      await yieldToLoop();
      cpu = process.cpuUsage();
      sliceStart = performance.now();
    }
  }
  spent();
  return { runs, cpuMs };
}

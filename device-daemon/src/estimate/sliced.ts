import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { simulateOnce, summarize, type HallHistory, type HallRules, type QueueNow, type WaitEstimate } from './simulate';

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
  const waits: number[] = [];
  let used = 0;
  let sliceStart = performance.now();
  while (waits.length < bounds.runs) {
    const w = simulateOnce(rules, now, history, lane, rng);
    if (w === null) return null;
    waits.push(w);
    const t = performance.now();
    if (t - sliceStart >= bounds.sliceMs) {
      used += t - sliceStart;
      if (used >= bounds.budgetMs && waits.length >= bounds.minRuns) break;
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
  return summarize(waits);
}

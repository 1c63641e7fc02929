import type { WaitRange } from '../queue/types';
import { categoryOfLane } from './hall-now';
import { LaneSimulation } from './lane';
import { summarize, type HallHistory, type HallRules, type QueueNow } from './simulate';
import { repeatSliced, type CpuBounds } from './sliced';

/** A ticket the service heard of since it read the hall (issued here, or an `issued` event from another daemon). */
export interface Arrival { id: string; lane: string }

/**
 * The runs of the hall for one lane, made once for a queue (`LaneSimulation`): every waiting ticket of the lane
 * and `arrivals` new tickets behind them each read their range from the same runs. A ticket issued after the
 * queue was read is one of those new tickets (the next one of the lane) as long as, since then, no ticket of
 * another lane that shares a window with this one was issued: that one would be ahead of it and is not in the
 * runs, so from there on the runs answer no new ticket (`stale`) and the service makes them again.
 */
export class LaneRun {
  /** The lane's tickets in the queue the runs started from, by id: their position (0 first called). */
  private readonly positions = new Map<string, number>();
  /** Tickets heard of after the runs' queue, by id: their position (those of the lane) or -1 (another lane's). */
  private readonly later = new Map<string, number>();
  /** How far the arrivals were read, how many of the lane's came, and where the first that breaks the runs is. */
  private scanned: number;
  private next: number;
  private stale = false;
  private readonly ranges = new Map<number, WaitRange>();

  private constructor(
    readonly lane: string,
    /** The categories that share a window with the lane, however indirectly: their tickets change its waits. */
    private readonly sharing: ReadonlySet<string>,
    private readonly all: ReadonlySet<string>,
    laneIds: readonly string[],
    readonly arrivals: number,
    private readonly times: Float64Array,
    private readonly runs: number,
    tailAt: number,
    /** CPU time the runs took, ms (the service adds them up: `simulationCpuMs`). */
    readonly cpuMs: number,
  ) {
    laneIds.forEach((id, i) => this.positions.set(id, i));
    this.next = laneIds.length;
    this.scanned = tailAt;
  }

  /**
   * Runs the hall for `lane` from `waiting` (every lane, oldest first; `arrivals[0..tailAt)` among them) plus
   * `count` new tickets of the lane; null when no open window serves it.
   */
  static async make(rules: HallRules, waiting: readonly Arrival[], busy: QueueNow['busy'], history: HallHistory, lane: string, count: number, tailAt: number, rng: () => number, bounds: CpuBounds): Promise<LaneRun | null> {
    const laneIds = waiting.filter((t) => t.lane === lane).map((t) => t.id);
    const width = laneIds.length + count;
    const times = new Float64Array(width * bounds.runs);
    const now: QueueNow = { waiting: waiting.map((t) => ({ category: t.lane })), busy };
    const simulation = new LaneSimulation(rules, now, history, lane, count);
    const done = await repeatSliced((run) => simulation.run(rng, times.subarray(run * width, (run + 1) * width)), bounds);
    if (done === null) return null;
    return new LaneRun(lane, sharingWith(rules, lane), new Set(waiting.map((t) => t.id)), laneIds, count, times, done.runs, tailAt, done.cpuMs);
  }

  /** Where `id` stands in these runs, reading the arrivals heard of since; undefined where the runs cannot say. */
  positionOf(id: string, tail: readonly Arrival[]): number | undefined {
    const p = this.positions.get(id);
    if (p !== undefined) return p;
    this.read(tail);
    const q = this.later.get(id);
    return q === undefined || q < 0 || q >= this.positions.size + this.arrivals ? undefined : q;
  }

  /** A new ticket of the lane now: the next position, undefined where the runs no longer answer it. */
  nextPosition(tail: readonly Arrival[]): number | undefined {
    this.read(tail);
    return this.stale || this.next >= this.positions.size + this.arrivals ? undefined : this.next;
  }

  /** The runs' range for a position: median and 20–80 % in minutes (`summarize`), made once. */
  range(position: number): WaitRange {
    let r = this.ranges.get(position);
    if (!r) {
      const width = this.positions.size + this.arrivals;
      const waits = new Float64Array(this.runs);
      for (let run = 0; run < this.runs; run++) waits[run] = this.times[run * width + position]!;
      const e = summarize(waits);
      r = { lowMinutes: e.lowMinutes, medianMinutes: e.medianMinutes, highMinutes: e.highMinutes };
      this.ranges.set(position, r);
    }
    return r;
  }

  private read(tail: readonly Arrival[]): void {
    for (; this.scanned < tail.length; this.scanned++) {
      const t = tail[this.scanned]!;
      if (this.all.has(t.id) || this.later.has(t.id)) continue; // read with the queue, or heard of twice
      if (t.lane === this.lane && !this.stale) this.later.set(t.id, this.next++);
      else {
        this.later.set(t.id, -1);
        if (this.sharing.has(categoryOfLane(t.lane))) this.stale = true;
      }
    }
  }
}

/** The categories whose windows overlap the lane's, through any chain of windows (their queues drain together). */
function sharingWith(rules: HallRules, lane: string): Set<string> {
  const reached = new Set([categoryOfLane(lane)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const w of rules.windows) {
      const cats = w.categories.map(categoryOfLane);
      if (cats.some((c) => reached.has(c)) && cats.some((c) => !reached.has(c))) {
        cats.forEach((c) => reached.add(c));
        grew = true;
      }
    }
  }
  return reached;
}

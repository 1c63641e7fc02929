import type { HallHistory, HallRules, QueueNow } from './simulate';

/** A priority ticket in a run: its lane (index), when it joined (waiting ones before now), its place among the lane's or -1. */
interface Slot { lane: number; at: number; target: number }

/**
 * Runs of the hall for a whole lane (pure): the hall's rules (simulate.ts) played over the queue as it stands
 * (every lane), then `arrivals` new tickets of `lane` behind everyone (a burst at the kiosks). Each run gives, in
 * seconds from now, when each of the lane's waiting tickets is called (in queue order) and then each new one,
 * so one run answers every position of the lane; `simulateOnce` is this with one new ticket, so the replay
 * and the bench measure the rules the daemon runs. The queue is laid out once
 * (lanes as numbers, the normal queue in typed arrays): a run allocates only its priority arrivals.
 */
export class LaneSimulation {
  /** Tickets of the lane the runs answer for: the waiting ones, then the new ones. */
  readonly targets: number;
  /** False where no open window serves the lane: every run would say null. */
  readonly served: boolean;
  private readonly names: string[] = [];
  private readonly normalLane: Int32Array;
  private readonly normalTarget: Int32Array;
  private readonly taken: Uint8Array;
  private readonly fixedPriority: Slot[] = [];
  private readonly arrivalRates: { lane: number; rate: number }[] = [];
  private readonly serves: Uint8Array[];
  private readonly free: Float64Array;
  private readonly streak: Int32Array;

  constructor(private readonly rules: HallRules, private readonly now: QueueNow, private readonly history: HallHistory, lane: string, arrivals: number) {
    const index = new Map<string, number>();
    const id = (name: string) => {
      if (!index.has(name)) index.set(name, this.names.push(name) - 1);
      return index.get(name)!;
    };
    for (const w of rules.windows) w.categories.forEach(id);
    const target = id(lane);
    this.served = rules.windows.some((w) => w.categories.includes(lane));
    const normal: { lane: number; target: number }[] = [];
    let targets = 0;
    now.waiting.forEach((t, i) => {
      const mine = t.category === lane ? targets++ : -1;
      if (rules.priority.has(t.category)) this.fixedPriority.push({ lane: id(t.category), at: -1 - now.waiting.length + i, target: mine });
      else normal.push({ lane: id(t.category), target: mine });
    });
    // The new tickets arrive now, in order, after every ticket waiting (priority ones before later priority arrivals).
    for (let k = 0; k < arrivals; k++) {
      if (rules.priority.has(lane)) this.fixedPriority.push({ lane: target, at: 0, target: targets++ });
      else normal.push({ lane: target, target: targets++ });
    }
    this.targets = targets;
    this.normalLane = Int32Array.from(normal, (s) => s.lane);
    this.normalTarget = Int32Array.from(normal, (s) => s.target);
    this.taken = new Uint8Array(normal.length);
    for (const c of rules.priority) {
      const rate = history.priorityArrivalsPerSecond(c);
      if (rate > 0) this.arrivalRates.push({ lane: id(c), rate });
    }
    this.serves = rules.windows.map((w) => {
      const s = new Uint8Array(this.names.length);
      for (const c of w.categories) s[index.get(c)!] = 1;
      return s;
    });
    this.free = new Float64Array(rules.windows.length);
    this.streak = new Int32Array(rules.windows.length);
  }

  /** One run into `out` (one time per target); false where the lane is not served or the run did not finish. */
  run(rng: () => number, out: Float64Array): boolean {
    if (!this.served) return false;
    const { rules, history, names, serves, free, streak, taken, normalLane, normalTarget } = this;
    const priority = this.fixedPriority.slice();
    // Later priority arrivals (Poisson), for an hour ahead.
    for (const { lane, rate } of this.arrivalRates) {
      for (let t = -Math.log(1 - rng()) / rate; t < 3600; t += -Math.log(1 - rng()) / rate) priority.push({ lane, at: t, target: -1 });
    }
    if (this.arrivalRates.length) priority.sort((a, b) => a.at - b.at);
    rules.windows.forEach((w, i) => {
      const b = this.now.busy.find((x) => x.counter === w.counter);
      free[i] = b ? residual(history, b.category, b.elapsedSeconds, rng) : 0;
      streak[i] = b?.streak ?? 0;
    });
    taken.fill(0);
    let head = 0;
    let left = this.targets;
    for (let guard = 0; left > 0 && guard < 20_000 + 4 * this.targets; guard++) {
      let wi = 0;
      for (let i = 1; i < free.length; i++) if (free[i]! < free[wi]!) wi = i;
      const t = free[wi]!;
      if (!Number.isFinite(t)) return false;
      const s = serves[wi]!;
      let pi = -1;
      for (let i = 0; i < priority.length && priority[i]!.at <= t; i++) if (s[priority[i]!.lane]) { pi = i; break; }
      // Normal tickets are taken in place from a moving head: a lane of hundreds is not shifted once per call.
      let ni = -1;
      for (let i = head; i < taken.length; i++) if (!taken[i] && s[normalLane[i]!]) { ni = i; break; }
      const takePriority = pi >= 0 && (ni < 0 || streak[wi]! >= rules.priorityRatio);
      if (!takePriority && ni < 0) {
        const next = priority.find((l) => l.at > t && s[l.lane]);
        free[wi] = next ? next.at : Infinity;
        continue;
      }
      let lane: number;
      let target: number;
      if (takePriority) ({ lane, target } = priority.splice(pi, 1)[0]!);
      else {
        [lane, target] = [normalLane[ni]!, normalTarget[ni]!];
        taken[ni] = 1;
        while (head < taken.length && taken[head]) head++;
      }
      if (target >= 0) {
        out[target] = t;
        left -= 1;
      }
      streak[wi] = takePriority ? 0 : streak[wi]! + 1;
      free[wi] = t + history.sampleService(names[lane]!, rng);
    }
    return left === 0;
  }
}

/** What is left of a service already `elapsed` seconds long: a draw longer than that, less the elapsed part. */
function residual(history: HallHistory, category: string, elapsed: number, rng: () => number): number {
  for (let i = 0; i < 20; i++) {
    const s = history.sampleService(category, rng);
    if (s > elapsed) return s - elapsed;
  }
  return history.sampleService(category, rng) / 2;
}

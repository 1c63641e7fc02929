import { residual, type HallHistory, type HallRules, type QueueNow } from './simulate';

/**
 * One run of the hall for a whole lane (pure), the same rules as `simulateOnce`: the queue as it stands (every
 * lane), then `arrivals` new tickets of `lane` behind everyone (a burst at the kiosks). Returns, in seconds from
 * now, when each of the lane's waiting tickets is called (in queue order) and then each new one; null when no
 * open window serves the lane. One run answers every position of the lane, where `simulateOnce` answers one.
 */
export function simulateLane(rules: HallRules, now: QueueNow, history: HallHistory, lane: string, arrivals: number, rng: () => number, out: Float64Array): boolean {
  if (!rules.windows.some((w) => w.categories.includes(lane))) return false;
  const laneIsPriority = rules.priority.has(lane);
  const normal: Slot[] = [];
  const priority: Slot[] = [];
  let targets = 0;
  now.waiting.forEach((t, i) => {
    const mine = t.category === lane ? targets++ : -1;
    (rules.priority.has(t.category) ? priority : normal).push({ category: t.category, at: -1 - now.waiting.length + i, target: mine });
  });
  // The new tickets arrive now, in order, after every ticket waiting (priority ones before later priority arrivals).
  for (let k = 0; k < arrivals; k++) (laneIsPriority ? priority : normal).push({ category: lane, at: 0, target: targets++ });
  for (const c of rules.priority) {
    const rate = history.priorityArrivalsPerSecond(c);
    for (let t = rate > 0 ? -Math.log(1 - rng()) / rate : Infinity; t < 3600; t += -Math.log(1 - rng()) / rate) priority.push({ category: c, at: t, target: -1 });
  }
  priority.sort((a, b) => a.at - b.at);
  const windows = rules.windows.map((w) => {
    const b = now.busy.find((x) => x.counter === w.counter);
    return { serves: new Set(w.categories), free: b ? residual(history, b.category, b.elapsedSeconds, rng) : 0, streak: b?.streak ?? 0 };
  });
  let left = targets;
  // Normal tickets are taken in place (`taken`) from a moving head: a lane of hundreds would otherwise be
  // shifted once per call, which made a run quadratic in the queue's length.
  let head = 0;
  const nextNormal = (serves: ReadonlySet<string>) => {
    for (let i = head; i < normal.length; i++) if (!normal[i]!.taken && serves.has(normal[i]!.category)) return i;
    return -1;
  };
  for (let guard = 0; left > 0 && guard < 20_000 + 4 * targets; guard++) {
    let w = windows[0]!;
    for (const x of windows) if (x.free < w.free) w = x;
    if (!Number.isFinite(w.free)) return false;
    const t = w.free;
    const pi = priority.findIndex((l) => l.at <= t && w.serves.has(l.category));
    const ni = nextNormal(w.serves);
    const takePriority = pi >= 0 && (ni < 0 || w.streak >= rules.priorityRatio);
    if (!takePriority && ni < 0) {
      const next = priority.find((l) => l.at > t && w.serves.has(l.category));
      w.free = next ? next.at : Infinity;
      continue;
    }
    const slot = takePriority ? priority.splice(pi, 1)[0] : normal[ni];
    if (!takePriority) {
      normal[ni]!.taken = true;
      while (head < normal.length && normal[head]!.taken) head++;
    }
    if (slot!.target >= 0) {
      out[slot!.target] = t;
      left -= 1;
    }
    w.streak = takePriority ? 0 : w.streak + 1;
    w.free = t + history.sampleService(slot!.category, rng);
  }
  return left === 0;
}

/** A ticket in the run: its lane, when it joined (waiting ones before now, in order), its place among the lane's. */
interface Slot { category: string; at: number; target: number; taken?: boolean }

/** How many of `now`'s waiting tickets are in `lane`: a run's first new ticket is this one's position plus one. */
export const waitingIn = (now: QueueNow, lane: string) => now.waiting.reduce((n, t) => n + (t.category === lane ? 1 : 0), 0);

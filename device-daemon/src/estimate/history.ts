import type { HallHistory } from './simulate';

/** One served ticket of the history: its category, service seconds, and when it was issued (local hour). */
export interface ServedRecord {
  category: string;
  serviceSeconds: number;
  issuedHour: number;
  /**
   * The lane the simulation knows it by when that differs from the category: a normal category's ticket issued
   * in the priority lane (an elderly person's 绿色通道 ticket) arrives as its own priority stream.
   */
  lane?: string;
}

/**
 * The history a simulation draws from: each category's own service times (the empirical distribution, so a
 * long tail stays long) and arrivals per hour of the day over `days` days, per lane. `laneCategory` maps a
 * lane back to the category whose service times it draws (identity unless lanes were named).
 */
export function historyFrom(records: readonly ServedRecord[], days: number, hourNow: () => number, laneCategory: (lane: string) => string = (l) => l): HallHistory {
  const services = new Map<string, number[]>();
  const arrivals = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of records) {
    if (!services.has(r.category)) services.set(r.category, []);
    services.get(r.category)!.push(r.serviceSeconds);
    all.push(r.serviceSeconds);
    const lane = r.lane ?? r.category;
    if (!arrivals.has(lane)) arrivals.set(lane, new Array<number>(24).fill(0));
    arrivals.get(lane)![r.issuedHour]! += 1;
  }
  // Each lane's list looked up once: a run draws thousands of service times (a regular expression per draw was
  // a fifth of a run's CPU).
  const lists = new Map<string, number[]>();
  const listOf = (lane: string) => {
    let list = lists.get(lane);
    if (!list) {
      const own = services.get(laneCategory(lane));
      list = own?.length ? own : all.length ? all : [300];
      lists.set(lane, list);
    }
    return list;
  };
  return {
    sampleService(lane, rng) {
      const list = listOf(lane);
      return list[Math.floor(rng() * list.length)]!;
    },
    priorityArrivalsPerSecond(lane) {
      return (arrivals.get(lane)?.[hourNow()] ?? 0) / Math.max(1, days) / 3600;
    },
  };
}

import type { HallHistory } from './simulate';

/** One served ticket of the history: its category, service seconds, and when it was issued (local hour). */
export interface ServedRecord {
  category: string;
  serviceSeconds: number;
  issuedHour: number;
}

/**
 * The history a simulation draws from: each category's own service times (the empirical distribution, so a
 * long tail stays long) and its arrivals per hour of the day over `days` days.
 */
export function historyFrom(records: readonly ServedRecord[], days: number, hourNow: () => number): HallHistory {
  const services = new Map<string, number[]>();
  const arrivals = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of records) {
    if (!services.has(r.category)) services.set(r.category, []);
    services.get(r.category)!.push(r.serviceSeconds);
    all.push(r.serviceSeconds);
    if (!arrivals.has(r.category)) arrivals.set(r.category, new Array<number>(24).fill(0));
    arrivals.get(r.category)![r.issuedHour]! += 1;
  }
  return {
    sampleService(category, rng) {
      const list = services.get(category)?.length ? services.get(category)! : all.length ? all : [300];
      return list[Math.floor(rng() * list.length)]!;
    },
    priorityArrivalsPerSecond(category) {
      return (arrivals.get(category)?.[hourNow()] ?? 0) / Math.max(1, days) / 3600;
    },
  };
}

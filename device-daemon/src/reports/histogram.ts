/**
 * Durations kept as histograms of half-minute buckets: a day's waits merge into a month's by adding counts, and a
 * percentile of the merged histogram is the nearest-rank percentile of the durations rounded down to 30 s.
 */
export const BUCKET_SECONDS = 30;
/** A day: a longer wait or service is a data error (a ticket called the next morning), counted as a day. */
const MAX_BUCKET = (24 * 3600) / BUCKET_SECONDS;

/**
 * count by bucket index, dense (`h[3]` = durations of 90–119 s): merging a year of them is adding arrays, which
 * was the cost of the year's page with a Map per histogram.
 */
export type Histogram = number[];

export function addDuration(h: Histogram, seconds: number): void {
  const b = Math.min(MAX_BUCKET, Math.max(0, Math.floor(seconds / BUCKET_SECONDS)));
  while (h.length <= b) h.push(0);
  h[b]! += 1;
}

export function mergeInto(into: Histogram, from: Histogram): void {
  while (into.length < from.length) into.push(0);
  for (let b = 0; b < from.length; b++) into[b]! += from[b]!;
}

/** Compact for the store: `[bucket, count, bucket, count, …]`, buckets with a count only. */
export function toPairs(h: Histogram): number[] {
  const out: number[] = [];
  for (let b = 0; b < h.length; b++) if (h[b]) out.push(b, h[b]!);
  return out;
}

export function addPairs(into: Histogram, pairs: readonly number[]): void {
  for (let i = 0; i < pairs.length; i += 2) {
    const b = pairs[i]!;
    while (into.length <= b) into.push(0);
    into[b]! += pairs[i + 1]!;
  }
}

/**
 * Nearest-rank percentile (the smallest value with at least p of the values at or below it), in minutes to one
 * decimal; null for no values. The median of 4 values is the 2nd, as a hand count does it.
 */
export function percentileMinutes(h: Histogram, p: number): number | null {
  let total = 0;
  for (const n of h) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let b = 0; b < h.length; b++) {
    seen += h[b]!;
    if (seen >= rank) return Math.round((b * BUCKET_SECONDS) / 6) / 10;
  }
  return null;
}
